package org.llmrecon.provider.anthropic;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.Secret;
import org.llmrecon.api.provider.ServerException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the Messages API's errors into the core API's exceptions: an HTTP error answer
 * {@code {"type": "error", "error": {"type", "message"}}}, or the same object as an {@code error} event inside a
 * stream that began with HTTP 200. 429 and 529 (overloaded) are retryable and carry {@code retry-after}; other
 * 4xx are not. Server text is scrubbed of the API key and cut to one line.
 */
final class ErrorMapping {
    private static final int MAX_MESSAGE = 300;

    private final String target;
    private final Secret apiKey;
    private final Clock clock;

    ErrorMapping(String target, Secret apiKey, Clock clock) {
        this.target = target;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    ProviderException toException(String call, int status, HttpHeaders headers, byte[] body) {
        JsonNode error = error(body);
        String type = error.path("type").asText(null);
        String text = error.path("message").isTextual() ? scrub(error.path("message").asText()) : fallback(body);
        String message = prefix(call) + "failed with HTTP " + status + (type == null ? "" : " " + type) + ": " + text;
        Duration retryAfter = retryAfter(headers);
        return switch (status) {
            case 400, 413, 422 -> new InvalidRequestException(message, status, null, type);
            case 401, 403 -> new AuthenticationException(message, status, type);
            case 404 -> new ModelNotFoundException(message + " (no such model or endpoint; check the model id and"
                    + " baseUrl)", type);
            case 408 -> new ProviderTimeoutException(message, null);
            case 429 -> new RateLimitException(message, retryAfter, type);
            default -> status >= 500 ? new ServerException(message, status, retryAfter)
                    : new ProviderException(message, status, type, type, null, false, retryAfter, null);
        };
    }

    /** For an {@code error} event of a stream: the same kinds as the HTTP statuses the error types stand for. */
    ProviderException streamError(String call, JsonNode data) {
        JsonNode error = data.path("error");
        String type = error.path("type").asText("error");
        String message = prefix(call) + "stream reported " + type + ": "
                + (error.path("message").isTextual() ? scrub(error.path("message").asText()) : "(no message)");
        return switch (type) {
            case "overloaded_error" -> new ServerException(message, 529, null);
            case "api_error" -> new ServerException(message, 500, null);
            case "rate_limit_error" -> new RateLimitException(message, null, type);
            case "invalid_request_error", "request_too_large" -> new InvalidRequestException(message, 400, null, type);
            default -> new ProviderException(message, 0, type, type, null, false, null, null);
        };
    }

    String prefix(String call) {
        return "anthropic target '" + target + "': " + call + " ";
    }

    /** The key never appears in a message, whatever a server echoes back; control characters become spaces. */
    String scrub(String text) {
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        String key = apiKey.reveal();
        if (key.length() >= 4) {
            clean = clean.replace(key, "***");
        }
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "..." : clean;
    }

    /** {@code retry-after} as delay-seconds or an HTTP date; unreadable gives none. */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("retry-after").orElse(null);
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.matches("\\d{1,9}\\.\\d{1,9}")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode error(byte[] body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            return root == null ? Json.MAPPER.missingNode() : root.path("error");
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }

    private String fallback(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "no error message" : "body starts with: " + scrub(text.length() > 120
                ? text.substring(0, 120) : text);
    }
}
