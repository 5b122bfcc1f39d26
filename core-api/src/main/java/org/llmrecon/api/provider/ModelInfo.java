package org.llmrecon.api.provider;

import java.util.Objects;
import java.util.Set;

/**
 * What is known about one model. A class with a {@link Builder} rather than a
 * record: providers learn more about their models over time (modalities,
 * limits), and adding a field must stay a minor change.
 *
 * @since 1.0.0
 */
public final class ModelInfo {
    private final String id;
    private final String provider;
    private final ModelType type;
    private final Set<ModelCapability> capabilities;
    private final int maxTokens;
    private final String trainingCutoff;
    private final String version;
    private final String description;
    private final Pricing pricing;

    private ModelInfo(Builder b) {
        id = Objects.requireNonNull(b.id, "id");
        provider = b.provider;
        type = b.type;
        capabilities = b.capabilities == null ? Set.of() : Set.copyOf(b.capabilities);
        maxTokens = b.maxTokens;
        trainingCutoff = b.trainingCutoff;
        version = b.version;
        description = b.description;
        pricing = b.pricing;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().id(id).provider(provider).type(type).capabilities(capabilities).maxTokens(maxTokens)
                .trainingCutoff(trainingCutoff).version(version).description(description).pricing(pricing);
    }

    /** @return the model id */
    public String id() { return id; }

    /** @return the provider type that serves it */
    public String provider() { return provider; }

    /** @return the kind of model */
    public ModelType type() { return type; }

    /** @return what it can do */
    public Set<ModelCapability> capabilities() { return capabilities; }

    /** @return its context size in tokens, 0 when unknown */
    public int maxTokens() { return maxTokens; }

    /** @return its training cut-off, or {@code null} */
    public String trainingCutoff() { return trainingCutoff; }

    /** @return its version, or {@code null} */
    public String version() { return version; }

    /** @return a description, or {@code null} */
    public String description() { return description; }

    /** @return its price, or {@code null} when unknown */
    public Pricing pricing() { return pricing; }

    /**
     * @param id the model id
     * @param provider the provider type
     * @param type the kind of model
     * @param capabilities what it can do
     * @return a model info with nothing else known
     */
    public static ModelInfo of(String id, String provider, ModelType type, Set<ModelCapability> capabilities) {
        return builder().id(id).provider(provider).type(type).capabilities(capabilities).build();
    }

    /** @param capability a capability @return whether this model has it */
    public boolean supports(ModelCapability capability) {
        return capabilities.contains(capability);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelInfo x
                && Objects.equals(id, x.id)
                && Objects.equals(provider, x.provider)
                && Objects.equals(type, x.type)
                && Objects.equals(capabilities, x.capabilities)
                && maxTokens == x.maxTokens
                && Objects.equals(trainingCutoff, x.trainingCutoff)
                && Objects.equals(version, x.version)
                && Objects.equals(description, x.description)
                && Objects.equals(pricing, x.pricing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, provider, type, capabilities, maxTokens, trainingCutoff, version, description,
                pricing);
    }

    @Override
    public String toString() {
        return "ModelInfo[id=" + id + ", provider=" + provider + ", type=" + type + ", capabilities=" + capabilities
                + ", maxTokens=" + maxTokens + ", trainingCutoff=" + trainingCutoff + ", version=" + version
                + ", description=" + description + ", pricing=" + pricing + "]";
    }

    /**
     * Builds a {@link ModelInfo}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private String id;
        private String provider;
        private ModelType type;
        private Set<ModelCapability> capabilities;
        private int maxTokens;
        private String trainingCutoff;
        private String version;
        private String description;
        private Pricing pricing;

        Builder() {
        }

        /** @param value the model id @return this builder */
        public Builder id(String value) { id = value; return this; }

        /** @param value the provider type that serves it @return this builder */
        public Builder provider(String value) { provider = value; return this; }

        /** @param value the kind of model @return this builder */
        public Builder type(ModelType value) { type = value; return this; }

        /** @param value what it can do @return this builder */
        public Builder capabilities(Set<ModelCapability> value) { capabilities = value; return this; }

        /** @param value its context size in tokens, 0 when unknown @return this builder */
        public Builder maxTokens(int value) { maxTokens = value; return this; }

        /** @param value its training cut-off, or {@code null} @return this builder */
        public Builder trainingCutoff(String value) { trainingCutoff = value; return this; }

        /** @param value its version, or {@code null} @return this builder */
        public Builder version(String value) { version = value; return this; }

        /** @param value a description, or {@code null} @return this builder */
        public Builder description(String value) { description = value; return this; }

        /** @param value its price, or {@code null} when unknown @return this builder */
        public Builder pricing(Pricing value) { pricing = value; return this; }

        /** @return the model info */
        public ModelInfo build() {
            return new ModelInfo(this);
        }
    }
}
