package org.llmrecon.api.provider;

/**
 * Receives the chunks of a streamed chat response as they arrive.
 *
 * @since 1.0.0
 */
@FunctionalInterface
public interface ChatStreamListener {
    /**
     * Called once per chunk, on the thread that called
     * {@link Provider#chatStream(ChatRequest, ChatStreamListener)}.
     *
     * @param chunk the chunk
     * @return {@code true} to go on, {@code false} to cancel the stream; the
     *         provider then stops reading and releases the connection
     */
    boolean onChunk(ChatChunk chunk);
}
