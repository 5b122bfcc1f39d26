package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * How a provider's exchanges reach the server, on the calling thread: {@link JdkTransport} (the JDK client,
 * HTTP/2 over TLS) for {@code https://} and {@link Http1Transport} (a blocking HTTP/1.1 exchange on the caller's
 * own socket) for {@code http://}. Both take the same request value, so the header list has one source
 * ({@link OpenAiHttp}), and both throw {@link InterruptedException} when the calling thread was interrupted,
 * which is how {@link CallWatch} and the runtime end a call.
 */
interface Transport extends AutoCloseable {
    /**
     * Sends the request and reads the whole answer into {@code body}, within its bounds.
     *
     * @param bytes the request body, or {@code null} for none
     */
    HttpResponse<byte[]> whole(HttpRequest request, byte[] bytes, WholeBody body) throws IOException, InterruptedException;

    /**
     * Sends the request and returns at the answer's headers; the caller reads and closes the body.
     *
     * @param bytes the request body, or {@code null} for none
     */
    HttpResponse<InputStream> open(HttpRequest request, byte[] bytes) throws IOException, InterruptedException;

    /**
     * @return whether {@link #tidy()} has anything to look at; the JDK client watches its own idle connections
     */
    default boolean needsTidy() {
        return false;
    }

    /** Closes idle connections the server closed or that were kept too long; called by {@link CallWatch}. */
    default void tidy() {
    }

    /** Drops the connections; exchanges in flight are ended by {@link CallWatch}. */
    @Override
    void close();
}
