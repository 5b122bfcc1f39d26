package org.llmrecon.provider.anthropic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The provider's HTTP: one {@link HttpClient} (built by the first call), the Messages API's headers
 * ({@code x-api-key}, {@code anthropic-version}), bounded bodies, and every call watched by a {@link CallWatch}
 * for its deadline. Exchanges run on the calling thread. Failures are one line naming the target and the call.
 */
final class MessagesHttp implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final AnthropicSettings settings;
    private final ErrorMapping errors;
    private final CallWatch watch;
    private volatile HttpClient client;
    private volatile boolean closed;

    MessagesHttp(AnthropicSettings settings, Clock clock) {
        this.settings = settings;
        this.errors = new ErrorMapping(settings.target(), settings.config().apiKey(), clock);
        this.watch = new CallWatch("llmrecon-anthropic-" + INSTANCES.incrementAndGet() + "-watch", settings.timeout(),
                settings.idleTimeout());
    }

    ErrorMapping errors() {
        return errors;
    }

    AnthropicSettings.Limits limits() {
        return settings.limits();
    }

    JsonNode get(String path) {
        return json("GET " + path, request(path).GET().build());
    }

    JsonNode post(String path, JsonNode body) {
        return json("POST " + path, post(path, body, "application/json"));
    }

    /** Opens a streamed POST; the caller reads and closes the returned stream. */
    EventStream stream(String path, JsonNode body) {
        String call = "POST " + path;
        Exchange exchange = watch.begin(true);
        try {
            HttpResponse<InputStream> response = send(call, exchange, post(path, body, "text/event-stream"));
            if (response.statusCode() / 100 != 2) {
                throw errors.toException(call, response.statusCode(), response.headers(),
                        read(call, exchange, response.body(), settings.limits().response(), "maxResponseBytes"));
            }
            return new EventStream(call, response, exchange, () -> watch.end(exchange), this);
        } catch (RuntimeException e) {
            watch.end(exchange);
            throw e;
        }
    }

    private JsonNode json(String call, HttpRequest request) {
        Exchange exchange = watch.begin(false);
        try {
            HttpResponse<InputStream> response = send(call, exchange, request);
            byte[] body = read(call, exchange, response.body(), settings.limits().response(), "maxResponseBytes");
            if (response.statusCode() / 100 != 2) {
                throw errors.toException(call, response.statusCode(), response.headers(), body);
            }
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (IOException e) {
                // reported below
            }
            throw new MalformedResponseException(errors.prefix(call) + "answered HTTP " + response.statusCode()
                    + " with a body that is not a JSON object (" + body.length + " bytes)", null);
        } finally {
            watch.end(exchange);
        }
    }

    private HttpResponse<InputStream> send(String call, Exchange exchange, HttpRequest request) {
        exchange.beginBlocking();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            exchange.body(response.body());
            return response;
        } catch (IOException | InterruptedException e) {
            throw failure(call, exchange, e);
        } finally {
            exchange.endBlocking();
        }
    }

    /** Reads a whole body, failing once it is longer than {@code limit}. */
    byte[] read(String call, Exchange exchange, InputStream body, long limit, String limitKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (body) {
            while (true) {
                exchange.beginBlocking();
                int n;
                try {
                    n = body.read(buffer);
                } finally {
                    exchange.endBlocking();
                }
                if (exchange.aborted() != null) {
                    throw new IOException("aborted");
                }
                if (n < 0) {
                    return out.toByteArray();
                }
                exchange.activity();
                if (out.size() + (long) n > limit) {
                    throw tooLarge(call, "answer", limit, limitKey);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw failure(call, exchange, e);
        }
    }

    ProviderException tooLarge(String call, String what, long limit, String limitKey) {
        return new MalformedResponseException(errors.prefix(call) + what + " is larger than " + limitKey + " ("
                + limit + " bytes); the answer was cut off", null);
    }

    ProviderException failure(String call, Exchange exchange, Exception e) {
        Exchange.Abort reason = exchange.aborted();
        if (reason == Exchange.Abort.CLOSED || closed) {
            return new ProviderUnavailableException(errors.prefix(call) + "failed: the provider was closed during"
                    + " the call", e);
        }
        if (reason == Exchange.Abort.DEADLINE || e instanceof HttpTimeoutException) {
            return new ProviderTimeoutException(errors.prefix(call) + "did not complete within the timeout of "
                    + settings.timeout().toMillis() + " ms", e);
        }
        if (reason == Exchange.Abort.IDLE) {
            return new ProviderTimeoutException(errors.prefix(call) + "stream sent nothing for idleTimeout ("
                    + settings.idleTimeout().toMillis() + " ms)", e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProviderException(errors.prefix(call) + "was interrupted", e);
        }
        return new ProviderException(errors.prefix(call) + "could not reach " + settings.baseUri().getHost() + ": "
                + errors.scrub(String.valueOf(e.getMessage())), 0, "connection_error", null, null, true, null, e);
    }

    private HttpRequest post(String path, JsonNode body, String accept) {
        try {
            return request(path).header("Accept", accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new ProviderException(errors.prefix("POST " + path) + "cannot write the request body", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        if (closed) {
            throw new ProviderUnavailableException("anthropic target '" + settings.target() + "': the provider is"
                    + " closed");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.resolve(path)).timeout(settings.timeout())
                .header("anthropic-version", settings.version());
        if (!settings.config().apiKey().isEmpty()) {
            builder.header("x-api-key", settings.config().apiKey().reveal());
        }
        settings.config().additionalHeaders().forEach(builder::setHeader);
        return builder;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (closed) {
                    throw new ProviderUnavailableException("anthropic target '" + settings.target()
                            + "': the provider is closed");
                }
                if (client == null) {
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
        watch.close();
        HttpClient c;
        synchronized (this) {
            c = client;
        }
        if (c != null) {
            HttpClientSetup.shutdownNow(c);
        }
    }
}
