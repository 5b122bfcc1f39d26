package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * the core API's exceptions, and opens event streams. The client is built by the first request: building it
 * loads the JDK's TLS stack and trust store (even for plain http) and starts its selector thread, which a
 * provider created at start-up and not called yet does not need. Its threads are ours and end on
 * {@link #close()}, which also fails the calls in flight with {@link ProviderUnavailableException}, so none
 * waits for its timeout.
 */
final class OpenAiHttp implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ProviderSettings settings;
    private final ErrorMapping errors;
    private final ExecutorService executor;
    private volatile HttpClient client;
    private final StreamWatch watch;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    OpenAiHttp(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.errors = new ErrorMapping(new Redaction(settings.config().apiKey()), clock);
        String name = "llmrecon-openai-" + INSTANCES.incrementAndGet();
        this.executor = Executors.newCachedThreadPool(new DaemonThreads(name + "-http"));
        this.watch = new StreamWatch(name + "-watch");
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
        HttpResponse<InputStream> response = await(call, post(path, body, "text/event-stream"),
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
        HttpResponse<byte[]> response = await(call, request, HttpResponse.BodySubscribers::ofByteArray);
        if (response.statusCode() / 100 != 2) {
            throw errors.toException(call, response.statusCode(), response.headers(), response.body());
        }
        return response;
    }

    private <T> HttpResponse<T> await(String call, HttpRequest request, Supplier<HttpResponse.BodySubscriber<T>> body) {
        AtomicInteger status = new AtomicInteger();
        CompletableFuture<HttpResponse<T>> future;
        try {
            future = client().sendAsync(request, info -> {
                status.set(info.statusCode());
                return body.get();
            });
        } catch (RejectedExecutionException e) {
            throw new ProviderUnavailableException("openai: the provider is closed", e);
        }
        inFlight.add(future);
        if (closed) {
            future.cancel(true);
        }
        Duration timeout = settings.timeout();
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new ProviderUnavailableException("openai: the provider was closed during " + call, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderTimeoutException("openai: " + call + " got no answer within " + timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException("openai: " + call + " was interrupted", e);
        } catch (ExecutionException e) {
            throw transportFailure(call, e.getCause(), status.get());
        } finally {
            inFlight.remove(future);
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
                    client = HttpClientSetup.create(settings, executor);
                }
                c = client;
            }
        }
        return c;
    }

    private ProviderException transportFailure(String call, Throwable cause, int status) {
        if (closed) {
            return new ProviderUnavailableException("openai: the provider was closed during " + call, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderTimeoutException("openai: " + call + " timed out after " + settings.timeout(), cause);
        }
        if (status != 0 && cause instanceof IOException) {
            return new MalformedResponseException("openai: " + call + " answer broke off after its HTTP " + status
                    + " headers (truncated body): " + cause.getMessage(), cause);
        }
        return new ProviderException("openai: " + call + " could not reach " + settings.baseUri().getHost() + ": "
                + cause, 0, "connection_error", null, null, true, null, cause);
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
        inFlight.forEach(future -> future.cancel(true));
        watch.close();
        executor.shutdownNow();
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
