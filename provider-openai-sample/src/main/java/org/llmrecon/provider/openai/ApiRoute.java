package org.llmrecon.provider.openai;

import java.net.URI;
import java.net.http.HttpRequest;

import org.llmrecon.api.provider.InvalidConfigException;

/**
 * Where a call goes and how it says who calls, the one thing that differs between the OpenAI API
 * ({@link OpenAiRoute}) and Azure OpenAI ({@link AzureRoute}); bodies, answers, streams and errors are the same.
 */
interface ApiRoute {
    /**
     * @param path the operation, e.g. {@code /chat/completions}
     * @param model the model the request names, or {@code null} for a request without one
     * @return the URL of the call
     */
    URI uri(String path, String model);

    /** @return how messages name the call, e.g. {@code POST /chat/completions}, never the full URL */
    String call(String method, String path, String model);

    /** Adds the key (and whatever else identifies the caller) to a request. */
    void authorize(HttpRequest.Builder request);

    /** @return the {@code Accept} header of a streaming request */
    String streamAccept();

    /** @return what a 404 answer most likely means, in words */
    String notFoundHint();

    /** Sets a header that carries the key, without letting the JDK's message for a bad value quote it. */
    static void keyHeader(HttpRequest.Builder request, String name, String value, String type) {
        try {
            request.header(name, value);
        } catch (IllegalArgumentException e) {
            // ProviderSettings rejects such keys before this point
            throw new InvalidConfigException(type + ": apiKey cannot be sent in an HTTP header");
        }
    }
}
