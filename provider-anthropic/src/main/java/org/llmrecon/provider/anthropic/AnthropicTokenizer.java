package org.llmrecon.provider.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a real tokenizer: a token is a run of letters
 * and digits or a single other character, with the whitespace before it.
 * Joining the tokens gives back the text exactly, so streamed chunks add up
 * to the whole answer.
 */
final class AnthropicTokenizer {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}])|\\s+");

    private AnthropicTokenizer() {
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }
        return tokens;
    }

    static int count(String text) {
        return tokens(text).size();
    }
}
