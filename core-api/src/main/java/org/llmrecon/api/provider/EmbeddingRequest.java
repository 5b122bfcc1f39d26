package org.llmrecon.api.provider;

import java.util.List;

/**
 * An embeddings request.
 *
 * @param model the model, or {@code null} for the configured default
 * @param input the texts to embed
 * @param user an end-user id, or {@code null}
 * @since 1.0.0
 */
public record EmbeddingRequest(String model, List<String> input, String user) {
    /** Copies the input. */
    public EmbeddingRequest {
        input = input == null ? List.of() : List.copyOf(input);
    }

    /** @param model the model @param input the texts @return the request */
    public static EmbeddingRequest of(String model, String... input) {
        return new EmbeddingRequest(model, List.of(input), null);
    }
}
