package org.llmrecon.api.provider;

import java.util.List;

/**
 * An embeddings response.
 *
 * @param model the model that answered
 * @param data one embedding per input
 * @param usage tokens used
 * @since 1.0.0
 */
public record EmbeddingResponse(String model, List<Embedding> data, Usage usage) {
    /** Copies the data and defaults the usage. */
    public EmbeddingResponse {
        data = data == null ? List.of() : List.copyOf(data);
        usage = usage == null ? Usage.NONE : usage;
    }
}
