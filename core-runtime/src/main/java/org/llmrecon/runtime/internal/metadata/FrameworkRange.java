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

    void check(String running, List<String> problems) {
        int before = problems.size();
        FrameworkVersion low = min == null ? null : MetadataValidator.version(min, plugin + " min framework version ", problems);
        FrameworkVersion high = max == null ? null : MetadataValidator.version(max, plugin + " max framework version ", problems);
        FrameworkVersion current = null;
        if (running == null || running.isEmpty()) {
            problems.add("running framework version is not known, so " + plugin + " cannot be checked against it");
        } else {
            current = MetadataValidator.version(running, "running framework version ", problems);
        }
        if (problems.size() > before) {
            return;
        }
        low = low == null ? null : low.withoutQualifier();
        high = high == null ? null : high.withoutQualifier();
        if (low != null && high != null && low.compareTo(high) > 0) {
            problems.add(plugin + " min framework version " + min + " is greater than its max framework version " + max);
            return;
        }
        FrameworkVersion now = current.withoutQualifier();
        if (low != null && now.compareTo(low) < 0 || high != null && now.compareTo(high) > 0) {
            problems.add(plugin + " requires framework version " + describe() + ", running " + running);
        }
    }

    private String describe() {
        if (min != null && max != null) {
            return ">= " + min + " and <= " + max;
        }
        return min != null ? ">= " + min : "<= " + max;
    }
}
