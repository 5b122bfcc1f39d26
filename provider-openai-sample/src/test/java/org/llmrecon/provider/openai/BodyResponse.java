package org.llmrecon.provider.openai;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

/** An HTTP answer made in memory, to read a body through the provider's own classes without a server. */
record BodyResponse(int statusCode, String contentType, byte[] bytes) implements HttpResponse<InputStream> {
    /** @return an {@link EventStream} over this answer with the given limits and a deadline far away */
    EventStream stream(CallLimits limits) {
        return new EventStream("openai", "POST /chat/completions", this, new CallDeadline(java.time.Duration.ofHours(1),
                "127.0.0.1:1"), limits);
    }

    @Override
    public HttpRequest request() {
        return HttpRequest.newBuilder(uri()).build();
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return HttpHeaders.of(contentType == null ? Map.of() : Map.of("content-type", List.of(contentType)),
                (a, b) -> true);
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return URI.create("http://127.0.0.1:1/v1/chat/completions");
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
