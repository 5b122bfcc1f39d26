package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final ApiRoute route;
    private final ErrorMapping errors;
    private volatile HttpClient client;
    private final CallWatch watch;
    private volatile boolean closed;

    OpenAiHttp(ProviderSettings settings, ApiRoute route, Clock clock) {
        this.settings = settings;
        this.route = route;
        this.errors = new ErrorMapping(settings.type(), new Redaction(settings.config().apiKey()), route.notFoundHint(),
                clock);
        this.watch = new CallWatch("llmrecon-" + settings.type() + "-" + INSTANCES.incrementAndGet() + "-watch",
                settings.timeout(),
                settings.limits().streamIdleTimeout());
    }

    ErrorMapping errors() {
        return errors;
    }

    JsonNode get(String path) {
        return json(route.call("GET", path, null), request(route.uri(path, null), "application/json").GET().build());
    }

    /** A parser of one kind of answer; {@code type} and {@code call} are for its messages. */
    @FunctionalInterface
    interface AnswerParser<T> {
        T parse(String type, String call, JsonNode answer);
    }

    <T> T post(String path, JsonNode body, AnswerParser<T> parser) {
        String call = route.call("POST", path, model(body));
        return parser.parse(settings.type(), call, json(call, post(path, body, "application/json")));
    }

    /** Opens a streaming POST; the caller closes the returned stream. */
    EventStream stream(String path, JsonNode body) {
        return open(route.call("POST", path, model(body)), post(path, body, route.streamAccept()), deadline());
    }

    private static String model(JsonNode body) {
        return body.path("model").asText(null);
    }

    /** Sends the request and reads its whole answer, which must be one JSON object after a 2xx status. */
    private JsonNode json(String call, HttpRequest request) {
        WholeBody body = new WholeBody(settings.limits().maxResponseBytes());
        HttpResponse<byte[]> response = exchange(call, request, deadline(), body, body);
        if (response.statusCode() / 100 != 2) {
            throw errors.toException(call, response.statusCode(), response.headers(), response.body());
        }
        return AnswerJson.parse(call, response.body(), EventStream.mediaType(response.headers()),
                settings.baseUri().getRawAuthority(), errors);
    }

    private CallDeadline deadline() {
        return new CallDeadline(settings.timeout(), settings.baseUri().getRawAuthority());
    }

    /** Sends the request and returns its body once a 2xx status arrived; any other status is thrown. */
    private EventStream open(String call, HttpRequest request, CallDeadline deadline) {
        HttpResponse<InputStream> response = exchange(call, request, deadline, HttpResponse.BodyHandlers.ofInputStream(),
                null);
        EventStream stream = watch.open(new EventStream(settings.type(), call, response, deadline, settings.limits()));
        if (response.statusCode() / 100 != 2) {
            try (stream) {
                throw errors.toException(call, response.statusCode(), response.headers(), stream.readError());
            }
        }
        return stream;
    }

    private HttpRequest post(String path, JsonNode body, String accept) {
        try {
            return request(route.uri(path, model(body)), accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new ProviderException(settings.type() + ": cannot write the request body for " + path, e);
        }
    }

    private HttpRequest.Builder request(URI uri, String accept) {
        if (closed) {
            throw new ProviderUnavailableException(settings.type() + ": the provider is closed");
        }
        // no HttpRequest.timeout: the watch ends the call at its deadline; the JDK's timer would wake its selector
        // thread to register and again to cancel, on every request
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", accept);
        route.authorize(builder);
        settings.headers().forEach(builder::setHeader);
        return builder;
    }

    /**
     * On the calling thread, with {@link HttpClient#send}: {@code sendAsync} would complete every answer on
     * another thread (the common pool, or a new thread per call where that pool has a single worker).
     *
     * @param body the handler when it collects the whole body, for the watch and the messages, else {@code null}
     */
    private <T> HttpResponse<T> exchange(String call, HttpRequest request, CallDeadline deadline,
            HttpResponse.BodyHandler<T> handler, WholeBody body) {
        CallWatch.Blocked blocked = watch.begin(deadline, body);
        try {
            return client().send(request, handler);
        } catch (IOException | InterruptedException e) {
            throw failure(call, e, blocked.end(), deadline, body);
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
                        throw new ProviderUnavailableException(settings.type() + ": the provider is closed");
                    }
                    client = HttpClientSetup.create(settings);
                }
                c = client;
            }
        }
        return c;
    }

    private ProviderException failure(String call, Exception e, CallWatch.Abort aborted, CallDeadline deadline,
            WholeBody body) {
        if (aborted == CallWatch.Abort.PROVIDER_CLOSED || closed) {
            return new ProviderUnavailableException(settings.type() + ": the provider was closed during " + call, e);
        }
        if (body != null && body.headersArrived() && (aborted != null || e instanceof IOException)) {
            IOException cause = body.exceeded() != null ? body.exceeded()
                    : e instanceof IOException io ? io : new IOException("aborted: " + aborted, e);
            return EventStream.failure(settings.type(), call, deadline, settings.limits(), aborted, cause);
        }
        if (aborted == CallWatch.Abort.TIMEOUT || e instanceof HttpTimeoutException) {
            return new ProviderTimeoutException(settings.type() + ": " + call + " got no answer within " + settings.timeout()
                    + " (the target's timeout), " + deadline.where(), e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProviderException(settings.type() + ": " + call + " was interrupted", e);
        }
        return new ProviderException(settings.type() + ": " + call + " could not reach " + deadline.where() + ": "
                + Causes.describe(e), 0, "connection_error", null, null, true, null, e);
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
