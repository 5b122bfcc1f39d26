package org.llmrecon.api.runtime;

import org.llmrecon.api.plugin.PluginMetadata;

import java.util.Objects;

/**
 * One plugin as the runtime sees it. A class with a {@link Builder} rather
 * than a record, so the runtime can report more about a plugin in a minor
 * release without breaking callers.
 *
 * @since 1.0.0
 */
public final class PluginInfo {
    private final String name;
    private final String providerType;
    private final String version;
    private final PluginState state;
    private final String reason;
    private final String location;
    private final long bundleId;
    private final boolean legacy;
    private final PluginMetadata metadata;

    private PluginInfo(Builder b) {
        name = Objects.requireNonNull(b.name, "name");
        state = Objects.requireNonNull(b.state, "state");
        providerType = b.providerType;
        version = b.version;
        reason = b.reason;
        location = b.location;
        bundleId = b.bundleId;
        legacy = b.legacy;
        metadata = b.metadata == null ? PluginMetadata.EMPTY : b.metadata;
    }

    /** @return an empty builder; name and state are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().name(name).providerType(providerType).version(version).state(state).reason(reason)
                .location(location).bundleId(bundleId).legacy(legacy).metadata(metadata);
    }

    /** @return the plugin name (or the file name when no metadata could be read) */
    public String name() { return name; }

    /** @return the provider type, or {@code null} when unknown */
    public String providerType() { return providerType; }

    /** @return the plugin version, or {@code null} when unknown */
    public String version() { return version; }

    /** @return where it stands */
    public PluginState state() { return state; }

    /** @return why it is not {@link PluginState#ACTIVE}, or {@code null} */
    public String reason() { return reason; }

    /** @return where it came from (a file path or bundle location) */
    public String location() { return location; }

    /** @return the OSGi bundle id, or -1 when it is not installed */
    public long bundleId() { return bundleId; }

    /** @return whether it is a legacy plugin adapted by the runtime */
    public boolean legacy() { return legacy; }

    /** @return its effective metadata */
    public PluginMetadata metadata() { return metadata; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginInfo p && name.equals(p.name) && Objects.equals(providerType, p.providerType)
                && Objects.equals(version, p.version) && state == p.state && Objects.equals(reason, p.reason)
                && Objects.equals(location, p.location) && bundleId == p.bundleId && legacy == p.legacy
                && metadata.equals(p.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, providerType, version, state, reason, location, bundleId, legacy, metadata);
    }

    @Override
    public String toString() {
        return "PluginInfo[name=" + name + ", providerType=" + providerType + ", version=" + version + ", state="
                + state + ", reason=" + reason + ", location=" + location + ", bundleId=" + bundleId + ", legacy="
                + legacy + ", metadata=" + metadata + "]";
    }

    /**
     * Builds a {@link PluginInfo}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private String name;
        private String providerType;
        private String version;
        private PluginState state;
        private String reason;
        private String location;
        private long bundleId = -1;
        private boolean legacy;
        private PluginMetadata metadata;

        Builder() {
        }

        /** @param value the plugin name @return this builder */
        public Builder name(String value) { name = value; return this; }

        /** @param value the provider type @return this builder */
        public Builder providerType(String value) { providerType = value; return this; }

        /** @param value the plugin version @return this builder */
        public Builder version(String value) { version = value; return this; }

        /** @param value the state @return this builder */
        public Builder state(PluginState value) { state = value; return this; }

        /** @param value why it is not active @return this builder */
        public Builder reason(String value) { reason = value; return this; }

        /** @param value where it came from @return this builder */
        public Builder location(String value) { location = value; return this; }

        /** @param value the OSGi bundle id, -1 when not installed (the default) @return this builder */
        public Builder bundleId(long value) { bundleId = value; return this; }

        /** @param value whether it is a legacy plugin @return this builder */
        public Builder legacy(boolean value) { legacy = value; return this; }

        /** @param value its effective metadata @return this builder */
        public Builder metadata(PluginMetadata value) { metadata = value; return this; }

        /** @return the plugin info */
        public PluginInfo build() {
            return new PluginInfo(this);
        }
    }
}
