package org.llmrecon.api.provider;

/**
 * Tokens used by one call.
 *
 * @param promptTokens tokens of the input
 * @param completionTokens tokens of the output
 * @param totalTokens their sum
 * @since 1.0.0
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {
    /** No tokens. */
    public static final Usage NONE = new Usage(0, 0, 0);

    /** @param prompt prompt tokens @param completion completion tokens @return the usage with the total */
    public static Usage of(int prompt, int completion) {
        return new Usage(prompt, completion, prompt + completion);
    }
}
