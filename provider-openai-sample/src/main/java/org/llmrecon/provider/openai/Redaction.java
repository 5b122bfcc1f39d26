package org.llmrecon.provider.openai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmrecon.api.provider.Secret;

/**
 * Scrubs text a server sent back before it becomes part of an exception message. Servers echo keys in
 * part (OpenAI: "Incorrect API key provided: sk-abc***...wxyz"), so not only the whole key is removed
 * but every word that shares four or more leading or trailing characters with it, and every word that
 * looks like a key.
 */
final class Redaction {
    private static final Pattern WORD = Pattern.compile("[^\\s\"'`,;()\\[\\]{}<>]+");
    private static final Pattern KEY_LIKE = Pattern.compile("(?i)(sk|pk|rk|key|api|sess)[-_][\\w*.\\-]{6,}|\\*{3,}");
    private static final int MAX_LENGTH = 500;

    private final String key;

    Redaction(Secret key) {
        this.key = key.reveal();
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String clean = key.isEmpty() ? text : text.replace(key, Secret.MASK);
        Matcher words = WORD.matcher(clean);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(secretLike(words.group()) ? Secret.MASK : words.group()));
        }
        words.appendTail(out);
        String result = out.toString();
        return result.length() > MAX_LENGTH ? result.substring(0, MAX_LENGTH) + "..." : result;
    }

    private boolean secretLike(String word) {
        if (KEY_LIKE.matcher(word).find()) {
            return true;
        }
        if (key.length() < 8) {
            return !key.isEmpty() && word.contains(key);
        }
        String bare = word.replaceAll("[.:!?]+$", "");
        return bare.length() >= 4 && (key.startsWith(bare.substring(0, 4)) || key.endsWith(bare.substring(bare.length() - 4))
                || key.contains(bare));
    }
}
