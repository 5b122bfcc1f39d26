package org.llmrecon.api.provider;

import java.util.Objects;
import java.util.Set;

/**
 * What is known about one model.
 *
 * @param id the model id
 * @param provider the provider type that serves it
 * @param type the kind of model
 * @param capabilities what it can do
 * @param maxTokens its context size in tokens, 0 when unknown
 * @param trainingCutoff its training cut-off, or {@code null}
 * @param version its version, or {@code null}
 * @param description a description, or {@code null}
 * @param pricing its price, or {@code null} when unknown
 * @since 1.0.0
 */
public record ModelInfo(String id, String provider, ModelType type, Set<ModelCapability> capabilities, int maxTokens,
        String trainingCutoff, String version, String description, Pricing pricing) {

    /** Checks the id and copies the capabilities. */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
    }

    /**
     * @param id the model id
     * @param provider the provider type
     * @param type the kind of model
     * @param capabilities what it can do
     * @return a model info with nothing else known
     */
    public static ModelInfo of(String id, String provider, ModelType type, Set<ModelCapability> capabilities) {
        return new ModelInfo(id, provider, type, capabilities, 0, null, null, null, null);
    }

    /** @param capability a capability @return whether this model has it */
    public boolean supports(ModelCapability capability) {
        return capabilities.contains(capability);
    }
}
