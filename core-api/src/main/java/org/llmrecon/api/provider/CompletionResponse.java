package org.llmrecon.api.provider;

import java.util.List;

/**
 * A text completion response.
 *
 * @param id the response id
 * @param created creation time in seconds since the epoch
 * @param model the model that answered
 * @param choices the choices
 * @param usage tokens used
 * @since 1.0.0
 */
public record CompletionResponse(String id, long created, String model, List<CompletionChoice> choices, Usage usage) {
    /** Copies the choices and defaults the usage. */
    public CompletionResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
        usage = usage == null ? Usage.NONE : usage;
    }
}
