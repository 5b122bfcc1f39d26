package org.llmrecon.launcher;

import org.llmrecon.api.provider.Secret;

import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;

import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, kept in a file across sessions, that never keeps a
 * line setting a configuration value the runtime does not show in clear
 * ({@code config TARGET apiKey ...}: a key the runtime marks secret, or one
 * it does not know yet) nor a {@code target add} with a secret
 * {@code KEY=VALUE} nor a {@code gateway key add KEY}, so the file never
 * holds a secret.
 */
final class ShellHistory extends DefaultHistory {
    private final BiPredicate<String, String> shownInClear;
    private LineReader reader;

    /** @param shownInClear whether the value of (target, key) may be stored */
    ShellHistory(BiPredicate<String, String> shownInClear) {
        this.shownInClear = shownInClear;
    }

    @Override
    public void attach(LineReader reader) {
        this.reader = reader;
        super.attach(reader);
    }

    @Override
    public void add(Instant time, String line) {
        if (!setsHiddenValue(line)) {
            super.add(time, line);
        }
    }

    private boolean setsHiddenValue(String line) {
        List<String> words;
        try {
            words = reader.getParser().parse(line, 0).words();
        } catch (RuntimeException e) {
            return line.contains("config"); // cannot tell: keep no line that may set a value
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int eq = w.indexOf('=');
            if (eq > 0 && Secret.isSecretKey(w.substring(0, eq)) && words.stream().anyMatch(x -> x.equals("target")
                    || x.equals(CommandCatalog.PREFERRED_SCOPE + ":target"))) {
                return true;
            }
            if ((w.equals("gateway") || w.equals(CommandCatalog.PREFERRED_SCOPE + ":gateway")) && i + 3 < words.size()
                    && words.get(i + 1).equals("key") && words.get(i + 2).equals("add")) {
                return true;
            }
            if (i + 3 >= words.size()) {
                continue;
            }
            if ((w.equals("config") || w.equals(CommandCatalog.PREFERRED_SCOPE + ":config"))
                    && !shownInClear.test(words.get(i + 1), words.get(i + 2))) {
                return true;
            }
        }
        return false;
    }
}
