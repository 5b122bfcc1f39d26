package org.llmrecon.runtime.internal.metadata;

import java.util.Objects;

import org.llmrecon.api.plugin.PluginMetadata;

/**
 * Metadata and where it came from.
 *
 * @param name the source as messages should name it, e.g. {@code sidecar /p/x.jar.metadata.json},
 *        {@code bundle manifest}, {@code META-INF/llmrecon/plugin.json}, {@code getMetadata()}
 * @param metadata what the source says; {@code null} is read as {@link PluginMetadata#EMPTY}
 */
public record MetadataSource(String name, PluginMetadata metadata) {

    /** Requires a name. */
    public MetadataSource {
        Objects.requireNonNull(name, "name");
        metadata = metadata == null ? PluginMetadata.EMPTY : metadata;
    }
}
