package org.llmrecon.provider.openai;

import java.net.URI;
import java.net.http.HttpRequest;

/** The OpenAI API: the path under the base URL (whose query is kept), {@code Authorization: Bearer <key>}. */
record OpenAiRoute(ProviderSettings settings) implements ApiRoute {

    @Override
    public URI uri(String path, String model) {
        return settings.resolve(path);
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
