package org.llmrecon.api.provider;

/**
 * The kind of a model.
 *
 * @since 1.0.0
 */
public enum ModelType {
    /** A text completion model. */
    TEXT_COMPLETION,
    /** A chat model. */
    CHAT,
    /** An embedding model. */
    EMBEDDING,
    /** An image generation model. */
    IMAGE_GENERATION,
    /** An image analysis model. */
    IMAGE_ANALYSIS
}
