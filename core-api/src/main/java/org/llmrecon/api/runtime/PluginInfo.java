package org.llmrecon.api.runtime;

import org.llmrecon.api.plugin.PluginMetadata;

import java.util.Objects;

/**
 * One plugin as the runtime sees it.
 *
 * @param name the plugin name (or the file name when no metadata could be read)
 * @param providerType the provider type, or {@code null} when unknown
 * @param version the plugin version, or {@code null} when unknown
 * @param state where it stands
 * @param reason why it is not {@link PluginState#ACTIVE}, or {@code null}
 * @param location where it came from (a file path or bundle location)
 * @param bundleId the OSGi bundle id, or -1 when it is not installed
 * @param legacy whether it is a legacy plugin adapted by the runtime
 * @param metadata its effective metadata
 * @since 1.0.0
 */
public record PluginInfo(String name, String providerType, String version, PluginState state, String reason,
        String location, long bundleId, boolean legacy, PluginMetadata metadata) {

    /** Checks the required fields. */
    public PluginInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        metadata = metadata == null ? PluginMetadata.EMPTY : metadata;
    }
}
