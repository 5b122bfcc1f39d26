package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
 * Sends the provider's requests through its {@link Transport} (the JDK client for https, {@link Http1Transport}
 * for plain http), maps failures to the core API's exceptions, and opens event streams. Exchanges run on the
 * calling thread; {@link #close()} fails the calls in flight with {@link ProviderUnavailableException}, so none
 * waits for its timeout.
 */
final class OpenAiHttp implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ProviderSettings settings;
    private final ApiRoute route;
    private final ErrorMapping errors;
    private final Transport transport;
    private final CallWatch watch;
    private volatile boolean closed;

    OpenAiHttp(ProviderSettings settings, ApiRoute route, Clock clock) {
        this.settings = settings;
        this.route = route;
        this.errors = new ErrorMapping(settings.type(), new Redaction(settings.config().apiKey()), route.notFoundHint(),
                clock);
        this.transport = settings.https() ? new JdkTransport(settings) : new Http1Transport(settings);
        this.watch = new CallWatch("llmrecon-" + settings.type() + "-" + INSTANCES.incrementAndGet() + "-watch",
                settings.timeout(),
                settings.limits().streamIdleTimeout(), transport);
    }

    ErrorMapping errors() {
        return errors;
    }

    JsonNode get(String path) {
        return json(route.call("GET", path, null),
                new Outgoing(request(route.uri(path, null), "application/json").GET().build(), null));
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

    /** A request and its body (which the JDK's request carries too, where {@link Http1Transport} cannot read it). */
    private record Outgoing(HttpRequest request, byte[] body) {
    }

    /** Sends the request and reads its whole answer, which must be one JSON object after a 2xx status. */
    private JsonNode json(String call, Outgoing request) {
        WholeBody body = new WholeBody(settings.limits().maxResponseBytes());
        HttpResponse<byte[]> response = exchange(call, deadline(), body,
                () -> transport.whole(request.request(), request.body(), body));
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
    private EventStream open(String call, Outgoing request, CallDeadline deadline) {
        HttpResponse<InputStream> response = exchange(call, deadline, null,
                () -> transport.open(request.request(), request.body()));
        EventStream stream = watch.open(new EventStream(settings.type(), call, response, deadline, settings.limits()));
        if (response.statusCode() / 100 != 2) {
            try (stream) {
                throw errors.toException(call, response.statusCode(), response.headers(), stream.readError());
            }
        }
        return stream;
    }

    private Outgoing post(String path, JsonNode body, String accept) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            return new Outgoing(request(route.uri(path, model(body)), accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), bytes);
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

    /** One exchange of the transport, as {@link #exchange} runs it. */
    @FunctionalInterface
    private interface Exchange<T> {
        HttpResponse<T> send() throws IOException, InterruptedException;
    }

    /**
     * Runs one exchange on the calling thread, watched by {@link CallWatch} until it returns.
     *
     * @param body the handler when it collects the whole body, for the watch and the messages, else {@code null}
     */
    private <T> HttpResponse<T> exchange(String call, CallDeadline deadline, WholeBody body, Exchange<T> exchange) {
        CallWatch.Blocked blocked = watch.begin(deadline, body);
        try {
            return exchange.send();
        } catch (IOException | InterruptedException e) {
            throw failure(call, e, blocked.end(), deadline, body);
        } finally {
            blocked.end();
        }
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
        transport.close();
    }

    @Override
    public String toString() {
        return "OpenAiHttp[" + settings.baseUri().getScheme() + "://" + settings.baseUri().getRawAuthority() + "]";
    }
}
