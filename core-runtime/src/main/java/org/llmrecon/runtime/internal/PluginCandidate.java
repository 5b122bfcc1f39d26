package org.llmrecon.runtime.internal;

import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** A published {@link PluginInterface} service with its evaluated metadata and state. */
record PluginCandidate(long serviceId, int ranking, Bundle bundle, PluginInterface plugin, PluginMetadata metadata,
        PluginState state, String reason, boolean legacy) {

    String name() {
        return metadata.name() != null && !metadata.name().isBlank() ? metadata.name() : bundle.getSymbolicName();
    }

    String type() {
        return metadata.providerType();
    }

    boolean valid() {
        return state != PluginState.REJECTED && state != PluginState.FAILED;
    }

    Version version() {
        try {
            return Version.parseVersion(metadata.version() == null ? "0" : metadata.version().replace('-', '.'));
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    /** Orders the winner of a type first: higher version, then higher ranking, then the older service. */
    static int precedence(PluginCandidate a, PluginCandidate b) {
        int c = b.version().compareTo(a.version());
        if (c == 0) {
            c = Integer.compare(b.ranking, a.ranking);
        }
        return c != 0 ? c : Long.compare(a.serviceId, b.serviceId);
    }

    PluginCandidate with(PluginState newState, String newReason) {
        return new PluginCandidate(serviceId, ranking, bundle, plugin, metadata, newState, newReason, legacy);
    }

    PluginInfo info() {
        return PluginInfo.builder().name(name()).providerType(type()).version(metadata.version()).state(state)
                .reason(reason).location(bundle.getLocation()).bundleId(bundle.getBundleId()).legacy(legacy)
                .metadata(metadata).build();
    }
}
