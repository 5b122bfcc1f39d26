package org.llmrecon.provider.openai;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAI API: the path under the base URL (whose query is kept), {@code Authorization: Bearer <key>}.
 * The URIs of the first {@value #KEPT} distinct paths are kept: the endpoints' paths are fixed, and parsing a
 * URI on each call was a tenth of the calling thread's time at 8 callers.
 */
final class OpenAiRoute implements ApiRoute {
    /**
     * A path seen after this many others is resolved on each call. The fixed endpoints come first in practice;
     * what fills the rest is {@code GET /models/{id}}, one path per model asked about.
     */
    static final int KEPT = 16;
    private final ProviderSettings settings;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();

    OpenAiRoute(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public URI uri(String path, String model) {
        URI uri = uris.get(path);
        if (uri == null) {
            uri = settings.resolve(path);
            if (uris.size() < KEPT) {
                uris.putIfAbsent(path, uri);
            }
        }
        return uri;
    }

    @Override
    public String call(String method, String path, String model) {
        return method + " " + path;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        if (!settings.config().apiKey().isEmpty()) {
            ApiRoute.keyHeader(request, "Authorization", "Bearer " + settings.config().apiKey().reveal(), settings.type());
        }
        if (settings.config().orgId() != null && !settings.config().orgId().isBlank()) {
            request.header("OpenAI-Organization", settings.config().orgId());
        }
    }

    @Override
    public String streamAccept() {
        return "text/event-stream";
    }

    @Override
    public String notFoundHint() {
        return "no such model or endpoint; check the model id and baseUrl";
    }

    @Override
    public String toString() {
        return "OpenAiRoute[" + settings.baseUri().getScheme() + "://" + settings.baseUri().getRawAuthority() + "]";
    }
}
