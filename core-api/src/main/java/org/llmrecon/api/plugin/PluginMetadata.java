package org.llmrecon.api.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plugin says about itself, with the fields of the original
 * framework's metadata. Versions are kept as written, so a malformed version
 * can be reported rather than silently defaulted; {@code null} or empty means
 * "not given".
 *
 * @param name the plugin name
 * @param version the plugin version
 * @param author the author
 * @param description a description
 * @param providerType the provider type it offers
 * @param supportedModels the models it supports
 * @param minFrameworkVersion the lowest framework version it works with
 * @param maxFrameworkVersion the highest framework version it works with
 * @param tags free-form tags
 * @since 1.0.0
 */
public record PluginMetadata(String name, String version, String author, String description, String providerType,
        List<String> supportedModels, String minFrameworkVersion, String maxFrameworkVersion, List<String> tags) {

    /** No metadata at all. */
    public static final PluginMetadata EMPTY = builder().build();

    /** Copies the lists. */
    public PluginMetadata {
        supportedModels = supportedModels == null ? List.of() : List.copyOf(supportedModels);
        tags = tags == null ? List.of() : List.copyOf(tags);
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
            return new PluginMetadata(name, version, author, description, providerType, supportedModels,
                    minFrameworkVersion, maxFrameworkVersion, tags);
        }
    }
}
