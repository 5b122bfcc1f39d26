package org.llmrecon.runtime.internal.metadata;

import java.util.List;

/** A plugin's framework version range [min, max], either end optional, checked against the running version. */
final class FrameworkRange {

    private final String plugin;
    private final String min;
    private final String max;

    /**
     * @param plugin how messages name the plugin
     * @param min the minimum as written; null or empty when not given
     * @param max the maximum as written; null or empty when not given
     */
    FrameworkRange(String plugin, String min, String max) {
        this.plugin = plugin;
        this.min = MetadataValidator.given(min) ? min : null;
        this.max = MetadataValidator.given(max) ? max : null;
    }

    /** Adds a problem for a malformed end, min greater than max, a malformed running version, or one outside. */
    void check(String running, List<String> problems) {
        FrameworkVersion low = bound(min, "min", problems);
        FrameworkVersion high = bound(max, "max", problems);
        boolean usable = (min == null || low != null) && (max == null || high != null);
        if (low != null && high != null && low.compareTo(high) > 0) {
            problems.add(plugin + " min framework version " + min + " is greater than its max framework version " + max);
            usable = false;
        }
        FrameworkVersion now = null;
        if (running == null || running.isEmpty()) {
            problems.add("running framework version is not known, so " + plugin + " cannot be checked against it");
        } else {
            now = MetadataValidator.version(running, "running framework version ", problems);
        }
        if (usable && now != null) {
            now = now.withoutQualifier();
            if (low != null && now.compareTo(low) < 0 || high != null && now.compareTo(high) > 0) {
                problems.add(plugin + " requires framework version " + describe() + ", running " + running);
            }
        }
    }

    private FrameworkVersion bound(String text, String which, List<String> problems) {
        if (text == null) {
            return null;
        }
        FrameworkVersion version = MetadataValidator.version(text, plugin + " " + which + " framework version ", problems);
        return version == null ? null : version.withoutQualifier();
    }

    private String describe() {
        if (min != null && max != null) {
            return ">= " + min + " and <= " + max;
        }
        return min != null ? ">= " + min : "<= " + max;
    }
}
