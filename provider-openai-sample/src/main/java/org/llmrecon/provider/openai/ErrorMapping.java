package org.llmrecon.provider.openai;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns an HTTP error answer into the core API's exceptions. Understands OpenAI's
 * {@code {"error": {"message", "type", "param", "code"}}} and the shapes compatible servers use instead
 * ({@code {"error": "text"}}, {@code {"message": ...}}, {@code {"detail": ...}}); all server text is scrubbed.
 */
final class ErrorMapping {
    private final String type;
    private final Redaction redaction;
    private final String notFoundHint;
    private final Clock clock;

    /**
     * @param type the provider type, which starts every message
     * @param notFoundHint what a 404 most likely means, added to its message
     */
    ErrorMapping(String type, Redaction redaction, String notFoundHint, Clock clock) {
        this.type = type;
        this.redaction = redaction;
        this.notFoundHint = notFoundHint;
        this.clock = clock;
    }

    ProviderException toException(String call, int status, HttpHeaders headers, byte[] body) {
        if (status / 100 == 3) {
            String to = headers.firstValue("location").map(l -> scrub(l.length() > 100 ? l.substring(0, 100) + "..." : l)
                    .replaceAll("\\p{Cntrl}", "?")).orElse("nowhere");
            return new ProviderException(type + ": " + call + " was answered with HTTP " + status + ", a redirect to "
                    + to + ", which is not followed; set baseUrl to where the API is", status, "redirect", null, null,
                    false, null, null);
        }
        ApiError error = ApiError.parse(body);
        String prefix = type + ": " + call + " failed with HTTP " + status + ": ";
        String message = prefix + (error.message() != null ? redaction.scrub(error.message()) : fallback(body))
                + (status == 404 ? " (" + notFoundHint + ")" : "");
        Duration retryAfter = RetryAfter.from(headers, clock);
        if (status == 400 || status == 413 || status == 422) {
            return new InvalidRequestException(message, status, error.param(), error.code());
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, status, error.code());
        }
        if (status == 404) {
            return new ModelNotFoundException(message, error.code());
        }
        if (status == 429) {
            return new RateLimitException(message, retryAfter, error.code());
        }
        if (status == 408) {
            return new ProviderTimeoutException(message, null);
        }
        if (status >= 500) {
            return new ServerException(message, status, retryAfter);
        }
        return new ProviderException(message, status, error.type(), error.code(), error.param(), false, retryAfter, null);
    }

    /** For an {@code error} object inside a stream that began with HTTP 200. */
    ProviderException streamError(String call, JsonNode node) {
        ApiError error = ApiError.of(node);
        String message = type + ": " + call + " stream reported an error: "
                + (error.message() == null ? "(no message)" : redaction.scrub(error.message()));
        return new ProviderException(message, 0, error.type(), error.code(), error.param(), false, null, null);
    }

    /** @return the provider type, which starts every message */
    String type() {
        return type;
    }

    /** @return server text with the key and key-like words removed */
    String scrub(String text) {
        return redaction.scrub(text);
    }

    private String fallback(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ")
                .replaceAll("\\p{Cntrl}", "?");
        return text.isEmpty() ? "no error message"
                : "body starts with: " + redaction.scrub(text.length() > 120 ? text.substring(0, 120) : text);
    }
}
