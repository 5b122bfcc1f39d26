package org.llmrecon.api.provider;

import java.util.List;
import java.util.Objects;

/**
 * One message of a chat.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, possibly {@code null} for an assistant message with tool calls
 * @param name an optional participant name
 * @param toolCalls tool calls requested by the assistant
 * @param toolCallId the call a {@code tool} message answers, or {@code null}
 * @since 1.0.0
 */
public record ChatMessage(String role, String content, String name, List<ToolCall> toolCalls, String toolCallId) {

    /** Checks the role and copies the tool calls. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** @param content the text @return a system message */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, null, null, null);
    }

    /** @param content the text @return a user message */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, null, null, null);
    }

    /** @param content the text @return an assistant message */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, null, null, null);
    }
}
