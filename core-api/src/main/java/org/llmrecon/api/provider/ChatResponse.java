package org.llmrecon.api.provider;

import java.util.List;

/**
 * A chat completion response.
 *
 * @param id the response id
 * @param object the object type, e.g. {@code chat.completion}
 * @param created creation time in seconds since the epoch
 * @param model the model that answered
 * @param choices the choices
 * @param usage tokens used
 * @since 1.0.0
 */
public record ChatResponse(String id, String object, long created, String model, List<ChatChoice> choices,
        Usage usage) {

    /** Copies the choices and defaults the usage. */
    public ChatResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
        usage = usage == null ? Usage.NONE : usage;
    }

    /** @return the content of the first choice, or an empty string */
    public String text() {
        if (choices.isEmpty() || choices.get(0).message() == null || choices.get(0).message().content() == null) {
            return "";
        }
        return choices.get(0).message().content();
    }
}
