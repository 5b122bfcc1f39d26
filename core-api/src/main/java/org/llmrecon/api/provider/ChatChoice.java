package org.llmrecon.api.provider;

/**
 * One choice of a chat response.
 *
 * @param index its index
 * @param message the assistant's message
 * @param finishReason why generation stopped, e.g. {@code stop}, {@code length}, {@code tool_calls}
 * @since 1.0.0
 */
public record ChatChoice(int index, ChatMessage message, String finishReason) {
}
