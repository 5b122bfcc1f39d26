package org.llmrecon.api.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a plugin says about itself, with the fields of the original
 * framework's metadata. Versions are kept as written, so a malformed version
 * can be reported rather than silently defaulted; {@code null} or empty means
 * "not given". A class with a {@link Builder} rather than a record: plugin
 * metadata gains fields over time, and adding one must stay a minor change.
 *
 * @since 1.0.0
 */
public final class PluginMetadata {

    /** No metadata at all. */
    public static final PluginMetadata EMPTY = builder().build();

    private final String name;
    private final String version;
    private final String author;
    private final String description;
    private final String providerType;
    private final List<String> supportedModels;
    private final String minFrameworkVersion;
    private final String maxFrameworkVersion;
    private final List<String> tags;

    private PluginMetadata(Builder b) {
        name = b.name;
        version = b.version;
        author = b.author;
        description = b.description;
        providerType = b.providerType;
        supportedModels = List.copyOf(b.supportedModels);
        minFrameworkVersion = b.minFrameworkVersion;
        maxFrameworkVersion = b.maxFrameworkVersion;
        tags = List.copyOf(b.tags);
    }

    /** @return the plugin name */
    public String name() { return name; }

    /** @return the plugin version, as written */
    public String version() { return version; }

    /** @return the author */
    public String author() { return author; }

    /** @return a description */
    public String description() { return description; }

    /** @return the provider type it offers */
    public String providerType() { return providerType; }

    /** @return the models it supports */
    public List<String> supportedModels() { return supportedModels; }

    /** @return the lowest framework version it works with, as written */
    public String minFrameworkVersion() { return minFrameworkVersion; }

    /** @return the highest framework version it works with, as written */
    public String maxFrameworkVersion() { return maxFrameworkVersion; }

    /** @return free-form tags */
    public List<String> tags() { return tags; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginMetadata m && Objects.equals(name, m.name) && Objects.equals(version, m.version)
                && Objects.equals(author, m.author) && Objects.equals(description, m.description)
                && Objects.equals(providerType, m.providerType) && supportedModels.equals(m.supportedModels)
                && Objects.equals(minFrameworkVersion, m.minFrameworkVersion)
                && Objects.equals(maxFrameworkVersion, m.maxFrameworkVersion) && tags.equals(m.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, author, description, providerType, supportedModels, minFrameworkVersion,
                maxFrameworkVersion, tags);
    }

    @Override
    public String toString() {
        return "PluginMetadata[name=" + name + ", version=" + version + ", author=" + author + ", description="
                + description + ", providerType=" + providerType + ", supportedModels=" + supportedModels
                + ", minFrameworkVersion=" + minFrameworkVersion + ", maxFrameworkVersion=" + maxFrameworkVersion
                + ", tags=" + tags + "]";
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().name(name).version(version).author(author).description(description)
                .providerType(providerType).supportedModels(supportedModels)
                .minFrameworkVersion(minFrameworkVersion).maxFrameworkVersion(maxFrameworkVersion).tags(tags);
    }

    /**
     * Builds {@link PluginMetadata}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private String name;
        private String version;
        private String author;
        private String description;
        private String providerType;
        private List<String> supportedModels = new ArrayList<>();
        private String minFrameworkVersion;
        private String maxFrameworkVersion;
        private List<String> tags = new ArrayList<>();

        Builder() {
        }

        /** @param value the name @return this builder */
        public Builder name(String value) { name = value; return this; }

        /** @param value the version @return this builder */
        public Builder version(String value) { version = value; return this; }

        /** @param value the author @return this builder */
        public Builder author(String value) { author = value; return this; }

        /** @param value the description @return this builder */
        public Builder description(String value) { description = value; return this; }

        /** @param value the provider type @return this builder */
        public Builder providerType(String value) { providerType = value; return this; }

        /** @param value the supported models @return this builder */
        public Builder supportedModels(List<String> value) {
            supportedModels = value == null ? new ArrayList<>() : new ArrayList<>(value);
            return this;
        }

        /** @param value the minimum framework version @return this builder */
        public Builder minFrameworkVersion(String value) { minFrameworkVersion = value; return this; }

        /** @param value the maximum framework version @return this builder */
        public Builder maxFrameworkVersion(String value) { maxFrameworkVersion = value; return this; }

        /** @param value the tags @return this builder */
        public Builder tags(List<String> value) {
            tags = value == null ? new ArrayList<>() : new ArrayList<>(value);
            return this;
        }

        /** @return the metadata */
        public PluginMetadata build() {
            return new PluginMetadata(this);
        }
    }
}
