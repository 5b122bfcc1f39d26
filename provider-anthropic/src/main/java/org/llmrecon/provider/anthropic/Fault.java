package org.llmrecon.provider.anthropic;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;

/**
 * A failure the anthropic injects into calls, as written in the {@code fault} parameter.
 *
 * @param kind what fails
 * @param status the HTTP status of a {@link Kind#STATUS} fault, else 0
 */
record Fault(Kind kind, int status) {

    /** What an injected fault does. */
    enum Kind {
        /** Calls succeed. */
        NONE,
        /** The call fails at once with an HTTP error status. */
        STATUS,
        /** The call waits for the configured timeout, then fails. */
        TIMEOUT,
        /** The response is malformed: half way through a stream, or at once for other calls. */
        MALFORMED
    }

    static final Fault NONE = new Fault(Kind.NONE, 0);
    static final String SYNTAX = "none, status:<400-599>, rate-limit, timeout or malformed";
    static final String CODE = "injected_fault";

    private static final Pattern STATUS = Pattern.compile("status:(\\d{3})");

    /** @return the fault, or empty when the text is not one */
    static Optional<Fault> parse(String text) {
        String value = text.trim();
        Matcher m = STATUS.matcher(value);
        if (m.matches()) {
            int status = Integer.parseInt(m.group(1));
            return status >= 400 && status <= 599 ? Optional.of(new Fault(Kind.STATUS, status)) : Optional.empty();
        }
        return switch (value) {
            case "none" -> Optional.of(NONE);
            case "rate-limit" -> Optional.of(new Fault(Kind.STATUS, 429));
            case "timeout" -> Optional.of(new Fault(Kind.TIMEOUT, 0));
            case "malformed" -> Optional.of(new Fault(Kind.MALFORMED, 0));
            default -> Optional.empty();
        };
    }

    /** @return the exception a real provider would raise for this status */
    ProviderException statusException(long call, Duration retryAfter) {
        String message = "anthropic: injected HTTP " + status + " (call " + call + ")";
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(message, status, null, CODE);
            case 401, 403 -> new AuthenticationException(message, status, CODE);
            case 404 -> new ModelNotFoundException(message, CODE);
            case 429 -> new RateLimitException(message, retryAfter, CODE);
            case 503 -> new ServerException(message, status, retryAfter);
            default -> status >= 500 ? new ServerException(message, status, null)
                    : new ProviderException(message, status, "client_error", CODE, null, false, null, null);
        };
    }
}
