package org.llmrecon.api.provider;

import java.time.Duration;

/**
 * The server or the runtime's own limiter refused the call for now (HTTP 429); retryable.
 *
 * @since 1.0.0
 */
public class RateLimitException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the server's message
     * @param retryAfter how long the server asked to wait, or {@code null}
     * @param code the error code, or {@code null}
     */
    public RateLimitException(String message, Duration retryAfter, String code) {
        super(message, 429, "rate_limit_error", code, null, true, retryAfter, null);
    }
}
