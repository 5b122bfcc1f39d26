package org.llmrecon.api.provider;

import java.util.List;

/**
 * One chunk of a streamed chat response.
 *
 * @param id the response id
 * @param model the model
 * @param index the choice index
 * @param content the text added by this chunk, possibly empty
 * @param toolCalls tool call fragments in this chunk
 * @param finishReason set on the last chunk of a choice, else {@code null}
 * @param usage tokens used, when the server reports them (usually on the last chunk), else {@code null}
 * @since 1.0.0
 */
public record ChatChunk(String id, String model, int index, String content, List<ToolCall> toolCalls,
        String finishReason, Usage usage) {

    /** Copies the tool calls and defaults the content. */
    public ChatChunk {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
