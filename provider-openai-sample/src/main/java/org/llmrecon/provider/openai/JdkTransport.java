package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.llmrecon.api.provider.ProviderUnavailableException;

/**
 * The JDK's {@link HttpClient} (see {@link HttpClientSetup}), for {@code https://} targets: TLS, and HTTP/2 where
 * the server offers it. The client is built by the first request: building it loads the JDK's TLS stack and trust
 * store and starts its selector thread, which a provider created at start-up and not called yet does not need.
 * Exchanges use {@link HttpClient#send} on the calling thread: {@code sendAsync} would complete every answer on
 * another thread.
 */
final class JdkTransport implements Transport {
    private final ProviderSettings settings;
    private volatile HttpClient client;
    private volatile boolean closed;

    JdkTransport(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpResponse<byte[]> whole(HttpRequest request, byte[] bytes, WholeBody body)
            throws IOException, InterruptedException {
        return client().send(request, body);
    }

    @Override
    public HttpResponse<InputStream> open(HttpRequest request, byte[] bytes) throws IOException, InterruptedException {
        return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    // close() reads the client under this lock after setting closed: none is built after it
                    if (closed) {
                        throw new ProviderUnavailableException(settings.type() + ": the provider is closed");
                    }
                    client = HttpClientSetup.create(settings);
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void close() {
        closed = true;
        HttpClient c;
        synchronized (this) {
            c = client;
        }
        if (c != null) {
            HttpClientSetup.shutdownNow(c);
        }
    }
}
