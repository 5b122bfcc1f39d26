package org.llmrecon.api.provider;

import java.time.Duration;

/**
 * The server failed (HTTP 5xx); retryable.
 *
 * @since 1.0.0
 */
public class ServerException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the server's message
     * @param status the HTTP status
     * @param retryAfter how long the server asked to wait, or {@code null}
     */
    public ServerException(String message, int status, Duration retryAfter) {
        super(message, status, "server_error", null, null, true, retryAfter, null);
    }
}
