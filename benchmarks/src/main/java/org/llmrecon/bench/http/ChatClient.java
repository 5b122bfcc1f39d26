package org.llmrecon.bench.http;

/** One client under test: a blocking chat call, and a streaming call that reports its first content chunk. */
interface ChatClient extends AutoCloseable {
    String name();

    /** @return the answer text */
    String chat();

    /** Streams one answer; calls {@code firstChunk} when the first content chunk arrives. @return the chunks */
    int stream(Runnable firstChunk);

    @Override
    void close();
}
