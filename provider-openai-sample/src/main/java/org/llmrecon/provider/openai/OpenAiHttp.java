package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends the provider's requests through one {@link HttpClient} (see {@link HttpClientSetup}), maps failures to
 * the core API's exceptions, and opens event streams. Exchanges run on the calling thread; {@link #close()}
 * fails the calls in flight with {@link ProviderUnavailableException}, so none waits for its timeout. The client
 * is built by the first request: building it loads the JDK's TLS stack and trust store (even for plain http)
 * and starts its selector thread, which a provider created at start-up and not called yet does not need.
 */
final class OpenAiHttp implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ProviderSettings settings;
    private final ErrorMapping errors;
    private volatile HttpClient client;
    private final CallWatch watch;
    private volatile boolean closed;

    OpenAiHttp(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.errors = new ErrorMapping(new Redaction(settings.config().apiKey()), clock);
        this.watch = new CallWatch("llmrecon-openai-" + INSTANCES.incrementAndGet() + "-watch", settings.timeout());
    }

    ErrorMapping errors() {
        return errors;
    }

    JsonNode get(String path) {
        return json("GET " + path, send(request(path, "application/json").GET().build(), "GET " + path));
    }

    JsonNode post(String path, JsonNode body) {
        String call = "POST " + path;
        return json(call, send(post(path, body, "application/json"), call));
    }

    /** Opens a streaming POST; the caller closes the returned stream. */
    EventStream stream(String path, JsonNode body) {
        String call = "POST " + path;
        HttpResponse<InputStream> response = exchange(call, post(path, body, "text/event-stream"),
                HttpResponse.BodySubscribers::ofInputStream);
        EventStream stream = watch.open(new EventStream(call, response, settings.timeout()));
        if (response.statusCode() / 100 != 2) {
            try (stream) {
                throw errors.toException(call, response.statusCode(), response.headers(), stream.readAll());
            }
        }
        return stream;
    }

    private HttpRequest post(String path, JsonNode body, String accept) {
        try {
            return request(path, accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new ProviderException("openai: cannot write the request body for " + path, e);
        }
    }

    private HttpRequest.Builder request(String path, String accept) {
        if (closed) {
            throw new ProviderUnavailableException("openai: the provider is closed");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.resolve(path)).timeout(settings.timeout())
                .header("Accept", accept);
        if (!settings.config().apiKey().isEmpty()) {
            try {
                builder.header("Authorization", "Bearer " + settings.config().apiKey().reveal());
            } catch (IllegalArgumentException e) {
                // the JDK's message would quote the key; ProviderSettings rejects such keys before this point
                throw new InvalidConfigException("openai: apiKey cannot be sent in an HTTP header");
            }
        }
        if (settings.config().orgId() != null && !settings.config().orgId().isBlank()) {
            builder.header("OpenAI-Organization", settings.config().orgId());
        }
        settings.headers().forEach(builder::setHeader);
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String call) {
        HttpResponse<byte[]> response = exchange(call, request, HttpResponse.BodySubscribers::ofByteArray);
        if (response.statusCode() / 100 != 2) {
            throw errors.toException(call, response.statusCode(), response.headers(), response.body());
        }
        return response;
    }

    /**
     * On the calling thread, with {@link HttpClient#send}: {@code sendAsync} would complete every answer on
     * another thread (the common pool, or a new thread per call where that pool has a single worker).
     */
    private <T> HttpResponse<T> exchange(String call, HttpRequest request,
            Supplier<HttpResponse.BodySubscriber<T>> body) {
        AtomicInteger status = new AtomicInteger();
        CallWatch.Blocked blocked = watch.begin();
        try {
            return client().send(request, info -> {
                status.set(info.statusCode());
                return body.get();
            });
        } catch (IOException | InterruptedException e) {
            throw failure(call, e, status.get(), blocked.end());
        } finally {
            blocked.end();
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    // close() reads the client under this lock after setting closed: none is built after it
                    if (closed) {
                        throw new ProviderUnavailableException("openai: the provider is closed");
                    }
                    client = HttpClientSetup.create(settings);
                }
                c = client;
            }
        }
        return c;
    }

    private ProviderException failure(String call, Exception e, int status, CallWatch.Abort aborted) {
        if (aborted == CallWatch.Abort.PROVIDER_CLOSED || closed) {
            return new ProviderUnavailableException("openai: the provider was closed during " + call, e);
        }
        if (aborted == CallWatch.Abort.TIMEOUT) {
            return new ProviderTimeoutException("openai: " + call + " got no answer within " + settings.timeout(), e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProviderException("openai: " + call + " was interrupted", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ProviderTimeoutException("openai: " + call + " timed out after " + settings.timeout(), e);
        }
        if (status != 0) {
            return new MalformedResponseException("openai: " + call + " answer broke off after its HTTP " + status
                    + " headers (truncated body): " + e.getMessage(), e);
        }
        return new ProviderException("openai: " + call + " could not reach " + settings.baseUri().getHost() + ": "
                + e, 0, "connection_error", null, null, true, null, e);
    }

    private JsonNode json(String call, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedResponseException("openai: " + call + " answered HTTP " + response.statusCode()
                    + " with a body that is not a JSON object (" + body.length + " bytes)", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        watch.close();
        HttpClient c;
        synchronized (this) {
            c = client;
        }
        if (c != null) {
            HttpClientSetup.shutdownNow(c);
        }
    }

    @Override
    public String toString() {
        return "OpenAiHttp[" + settings.baseUri().getScheme() + "://" + settings.baseUri().getRawAuthority() + "]";
    }
}
