package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * Plain-http exchanges on the calling thread's own socket, as OkHttp does: the thread writes the request and reads
 * the answer itself, where the JDK client hands every exchange to its selector thread and back (the cost
 * measured in docs/BENCHMARKS.md). HTTP/1.1 only, keep-alive connections from an {@link Http1Pool}, redirects never
 * followed, no h2c upgrade offered. A request that failed on a reused connection before any byte of its answer
 * arrived (the server closed the idle connection as the request went out) is sent once more on a new connection.
 * Bounds against hostile servers are those of {@link Http1Head}, {@link ChunkedBody} and {@link WholeBody}.
 */
final class Http1Transport implements Transport {
    private static final String USER_AGENT = "Java-http-client/" + System.getProperty("java.version");

    private final Http1Pool pool;

    Http1Transport(ProviderSettings settings) {
        URI base = settings.baseUri();
        this.pool = new Http1Pool(base.getHost(), base.getPort() < 0 ? 80 : base.getPort(), settings.timeout(),
                Http1Pool.KEEP_IDLE);
    }

    /** The answer's body is fed to {@code body}'s collector as it arrives, so its limits apply as they do on https. */
    @Override
    public HttpResponse<byte[]> whole(HttpRequest request, byte[] bytes, WholeBody body)
            throws IOException, InterruptedException {
        try {
            Http1Response<Http1Body> answer = exchange(request, bytes);
            return new Http1Response<>(request, answer.head(), collect(answer, body));
        } catch (IOException e) {
            throw interrupted(e);
        }
    }

    @Override
    public HttpResponse<InputStream> open(HttpRequest request, byte[] bytes) throws IOException, InterruptedException {
        try {
            Http1Response<Http1Body> answer = exchange(request, bytes);
            return new Http1Response<>(request, answer.head(), answer.body());
        } catch (IOException e) {
            throw interrupted(e);
        }
    }

    private Http1Response<Http1Body> exchange(HttpRequest request, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes(request, bytes));
        Http1Connection connection = pool.reuse();
        boolean reused = connection != null;
        if (!reused) {
            connection = pool.connect();
        }
        while (true) {
            try {
                connection.write(out);
                Http1Head head = Http1Head.read(connection);
                return new Http1Response<>(request, head, Http1Body.of(head, connection, pool));
            } catch (IOException e) {
                connection.close();
                if (!reused || connection.received() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            reused = false;
            out.rewind();
            connection = pool.connect();
        }
    }

    private static byte[] collect(Http1Response<Http1Body> answer, WholeBody body) throws IOException {
        HttpResponse.BodySubscriber<byte[]> collector = body.apply(answer.head());
        CompletableFuture<byte[]> result = collector.getBody().toCompletableFuture();
        collector.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // the loop below reads as fast as the collector takes
            }

            @Override
            public void cancel() {
                // the collector completed its result; the loop below sees it and closes the connection
            }
        });
        byte[] buffer = new byte[8192];
        try (Http1Body in = answer.body()) {
            while (!result.isDone()) {
                int n = in.read(buffer);
                if (n < 0) {
                    collector.onComplete();
                } else {
                    collector.onNext(List.of(ByteBuffer.wrap(buffer, 0, n)));
                }
            }
        } catch (IOException e) {
            collector.onError(e);
            throw e;
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The request line, {@code Host}, the request's own headers, {@code Content-Length}, and the body. */
    private static byte[] bytes(HttpRequest request, byte[] body) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(512).append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getRawAuthority()).append("\r\n");
        request.headers().map().forEach((name, values) -> values.forEach(
                value -> head.append(name).append(": ").append(value).append("\r\n")));
        if (request.headers().firstValue("user-agent").isEmpty()) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /**
     * A failure of an interrupted thread (its channel closed by the interrupt) becomes the
     * {@link InterruptedException} the JDK client throws, with the interrupt taken as it does.
     */
    private static IOException interrupted(IOException e) throws InterruptedException {
        if (Thread.interrupted()) {
            InterruptedException interrupted = new InterruptedException("interrupted during the exchange");
            interrupted.initCause(e);
            throw interrupted;
        }
        return e;
    }

    @Override
    public boolean needsTidy() {
        return pool.hasIdle();
    }

    @Override
    public void tidy() {
        pool.tidy();
    }

    @Override
    public void close() {
        pool.close();
    }
}
