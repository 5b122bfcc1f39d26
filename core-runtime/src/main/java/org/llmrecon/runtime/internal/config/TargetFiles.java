package org.llmrecon.runtime.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The files the runtime writes for targets: {@code org.llmrecon.provider-<target>.cfg}
 * in the configuration folder, the format File Install reads and a person
 * edits, keys sorted, one per line. Without a configuration folder there is
 * nothing to write to.
 */
final class TargetFiles {
    static final String PREFIX = EtcSettings.PID + "-";
    static final long MAX_BYTES = 256 * 1024;

    private final Path etc;

    /** @param etc the configuration folder, or {@code null} */
    TargetFiles(Path etc) {
        this.etc = etc;
    }

    boolean enabled() {
        return etc != null;
    }

    Path folder() {
        return etc;
    }

    Path file(String target) {
        return etc.resolve(PREFIX + target + ".cfg");
    }

    /** @return whether the target's configuration is a JSON file a person wrote, which the runtime leaves alone */
    boolean json(String target) {
        return etc != null && Files.exists(etc.resolve(PREFIX + target + ".json"));
    }

    /**
     * @return the file's values as written (secrets as stored); empty when there is no file
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    Map<String, String> read(String target) {
        Path f = file(target);
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new IllegalArgumentException(f + ": larger than " + MAX_BYTES + " bytes");
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                p.load(r);
            }
            Map<String, String> values = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
            return values;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(f + ": cannot be read: " + e.getMessage());
        }
    }

    /** @param values the values to store, secrets already sealed */
    void write(String target, Map<String, String> values) throws IOException {
        StringBuilder b = new StringBuilder("# target '").append(target)
                .append("', written by llmrecon at ").append(Instant.now())
                .append("; edit freely (secrets are ENC(...), see llm:config encrypt)\n");
        new TreeMap<>(values).forEach((k, v) -> b.append(escape(k, true)).append(" = ").append(escape(v, false))
                .append('\n'));
        AtomicFiles.write(file(target), b.toString());
    }

    boolean delete(String target) throws IOException {
        return Files.deleteIfExists(file(target));
    }

    /** The escapes of {@link Properties#store}: the file is read as ISO 8859-1. */
    static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> b.append(key || i == 0 ? "\\" : "").append(c);
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
