package org.llmrecon.api.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed provider call. Carries what the API reported: HTTP status, error
 * type, code and parameter, and whether retrying may help. Messages never
 * contain secrets.
 *
 * @since 1.0.0
 */
public class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * @param message what went wrong
     * @param status the HTTP status, 0 when there was none
     * @param type the API's error type, or {@code null}
     * @param code the API's error code, or {@code null}
     * @param param the request parameter at fault, or {@code null}
     * @param retryable whether retrying may help
     * @param retryAfter how long the server asked to wait, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public ProviderException(String message, int status, String type, String code, String param, boolean retryable,
            Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** @param message what went wrong */
    public ProviderException(String message) {
        this(message, 0, null, null, null, false, null, null);
    }

    /** @param message what went wrong @param cause the cause */
    public ProviderException(String message, Throwable cause) {
        this(message, 0, null, null, null, false, null, cause);
    }

    /** @return the HTTP status, 0 when there was none */
    public int status() { return status; }

    /** @return the API's error type, or {@code null} */
    public String type() { return type; }

    /** @return the API's error code, or {@code null} */
    public String code() { return code; }

    /** @return the request parameter at fault, or {@code null} */
    public String param() { return param; }

    /** @return whether retrying may help */
    public boolean retryable() { return retryable; }

    /** @return how long the server asked to wait before retrying */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }
}
