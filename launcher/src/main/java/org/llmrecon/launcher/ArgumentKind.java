package org.llmrecon.launcher;

import java.util.Locale;

/**
 * What an argument or option value names, read from its description (the
 * {@code @Descriptor} wording the {@code llm} commands share: "provider type",
 * "plugin name, ...", "path of the plugin jar", "key, ...", "file to write",
 * options {@code --model}, {@code --image}); it decides the usage label and what Tab offers.
 */
enum ArgumentKind {
    TARGET("TARGET"), PLUGIN("NAME"), JAR("PATH"), FILE("FILE"), KEY("KEY"), MODEL("MODEL"), TEXT(null);

    private final String label;

    ArgumentKind(String label) {
        this.label = label;
    }

    static ArgumentKind of(String description) {
        String d = description.toLowerCase(Locale.ROOT).strip();
        if (d.startsWith("provider type") || d.startsWith("target")) {
            return TARGET;
        }
        if (d.startsWith("plugin")) {
            return PLUGIN;
        }
        if (d.contains("jar")) {
            return JAR;
        }
        if (d.startsWith("file") || d.startsWith("path") || d.startsWith("image")) {
            return FILE;
        }
        if (d.startsWith("key")) {
            return KEY;
        }
        return d.startsWith("model") ? MODEL : TEXT;
    }

    /** @return the label in a usage line: the kind's, else the description's first word, e.g. PROMPT */
    String label(String description) {
        if (label != null) {
            return label;
        }
        String word = description.strip().replaceFirst("^(?i)(the|a|an)\\s+", "").split("[\\s,(]+", 2)[0];
        return word.isEmpty() ? "ARG" : word.toUpperCase(Locale.ROOT);
    }
}
