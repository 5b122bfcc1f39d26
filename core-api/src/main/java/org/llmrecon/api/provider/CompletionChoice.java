package org.llmrecon.api.provider;

/**
 * One choice of a text completion.
 *
 * @param index its index
 * @param text the completed text
 * @param finishReason why generation stopped
 * @since 1.0.0
 */
public record CompletionChoice(int index, String text, String finishReason) {
}
