package org.llmrecon.provider.openai;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.llmrecon.api.provider.InvalidRequestException;

/**
 * Azure OpenAI: {@code {endpoint}/openai/deployments/{deployment}{path}?api-version={version}}, the key in the
 * {@code api-key} header, never {@code Authorization}.
 * Streams accept JSON as well as events: the provider reads both, and the inference spec declares only JSON.
 */
record AzureRoute(AzureSettings azure) implements ApiRoute {

    @Override
    public URI uri(String path, String model) {
        return URI.create(azure.http().root() + "/openai"
                + deploymentPath(model) + path + "?api-version=" + encode(azure.apiVersion()));
    }

    @Override
    public String call(String method, String path, String model) {
        return method + " /openai" + deploymentPath(model) + path;
    }

    private String deploymentPath(String model) {
        if (model == null) {
            throw new InvalidRequestException(AzureSettings.TYPE + ": the request names no model, so no deployment", 0,
                    "model", null);
        }
        return "/deployments/" + encode(azure.deployment(model));
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        if (!azure.http().config().apiKey().isEmpty()) {
            ApiRoute.keyHeader(request, "api-key", azure.http().config().apiKey().reveal(), AzureSettings.TYPE);
        }
    }

    @Override
    public String streamAccept() {
        return "text/event-stream, application/json";
    }

    @Override
    public String notFoundHint() {
        return "no such deployment; check baseUrl and param.deployment.<model>, which defaults to the model's name";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "AzureRoute[" + azure.http().baseUri().getRawAuthority() + ", api-version " + azure.apiVersion() + "]";
    }
}
