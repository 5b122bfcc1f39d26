package org.llmrecon.api.runtime;

import org.llmrecon.api.plugin.PluginMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of checking a plugin file without installing it.
 *
 * @param file the jar checked
 * @param metadata the effective metadata that could be read
 * @param problems each problem found, as one line; empty when the plugin is valid
 * @since 1.0.0
 */
public record PluginCheck(Path file, PluginMetadata metadata, List<String> problems) {

    /** Copies the problems. */
    public PluginCheck {
        problems = List.copyOf(problems);
        metadata = metadata == null ? PluginMetadata.EMPTY : metadata;
    }

    /** @return whether no problem was found */
    public boolean valid() {
        return problems.isEmpty();
    }
}
