package org.llmrecon.runtime.internal.metadata;

import java.util.List;
import java.util.Objects;

import org.llmrecon.api.plugin.PluginMetadata;

/**
 * The effective metadata of a plugin and the contradictions between its sources.
 *
 * @param metadata the merged metadata
 * @param conflicts one line per contradiction; a plugin with any is invalid
 */
public record MergedMetadata(PluginMetadata metadata, List<String> conflicts) {

    /** Copies the conflicts. */
    public MergedMetadata {
        Objects.requireNonNull(metadata, "metadata");
        conflicts = List.copyOf(conflicts);
    }

    /** @return whether the sources contradict each other */
    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }
}
