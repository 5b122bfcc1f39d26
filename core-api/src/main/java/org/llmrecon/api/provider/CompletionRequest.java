package org.llmrecon.api.provider;

import java.util.List;

/**
 * A (legacy) text completion request.
 *
 * @param model the model, or {@code null} for the configured default
 * @param prompt the prompt
 * @param maxTokens the completion limit, or {@code null}
 * @param temperature sampling temperature, or {@code null}
 * @param topP nucleus sampling, or {@code null}
 * @param n number of choices, or {@code null}
 * @param stop stop sequences
 * @param user an end-user id, or {@code null}
 * @since 1.0.0
 */
public record CompletionRequest(String model, String prompt, Integer maxTokens, Double temperature, Double topP,
        Integer n, List<String> stop, String user) {

    /** Copies the stop sequences. */
    public CompletionRequest {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** @param model the model @param prompt the prompt @return a request with nothing else set */
    public static CompletionRequest of(String model, String prompt) {
        return new CompletionRequest(model, prompt, null, null, null, null, null, null);
    }
}
