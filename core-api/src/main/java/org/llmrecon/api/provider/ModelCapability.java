package org.llmrecon.api.provider;

/**
 * What a model can do.
 *
 * @since 1.0.0
 */
public enum ModelCapability {
    /** Plain text completion. */
    TEXT_COMPLETION("text-completion"),
    /** Chat completion. */
    CHAT_COMPLETION("chat-completion"),
    /** Embeddings. */
    EMBEDDING("embedding"),
    /** Image generation. */
    IMAGE_GENERATION("image-generation"),
    /** Image input. */
    IMAGE_ANALYSIS("image-analysis"),
    /** Streaming responses. */
    STREAMING("streaming"),
    /** Function calling (older form of tools). */
    FUNCTION_CALLING("function-calling"),
    /** Tool use. */
    TOOL_USE("tool-use"),
    /** JSON response format. */
    JSON_MODE("json-mode");

    private final String id;

    ModelCapability(String id) {
        this.id = id;
    }

    /** @return the name used in configuration and JSON, e.g. {@code chat-completion} */
    public String id() {
        return id;
    }
}
