package org.llmrecon.runtime.internal.metadata;

import java.nio.file.Path;
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

    /** The name of metadata read from {@link MetadataJson#BUNDLE_ENTRY}. */
    public static final String BUNDLE_JSON = MetadataJson.BUNDLE_ENTRY;
    /** The name of metadata read from manifest headers. */
    public static final String BUNDLE_MANIFEST = "bundle manifest";
    /** The name of metadata a plugin service returns. */
    public static final String SERVICE = "getMetadata()";

    /** Requires a name. */
    public MetadataSource {
        Objects.requireNonNull(name, "name");
        metadata = metadata == null ? PluginMetadata.EMPTY : metadata;
    }

    /**
     * @param file the sidecar file
     * @param metadata what it says
     * @return the source named {@code sidecar FILE}
     */
    public static MetadataSource sidecar(Path file, PluginMetadata metadata) {
        return new MetadataSource("sidecar " + file, metadata);
    }
}
