package org.llmrecon.api.provider;

/**
 * The request was rejected as invalid (HTTP 400 or 422); not retryable.
 *
 * @since 1.0.0
 */
public class InvalidRequestException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the server's message
     * @param status the HTTP status
     * @param param the parameter at fault, or {@code null}
     * @param code the error code, or {@code null}
     */
    public InvalidRequestException(String message, int status, String param, String code) {
        super(message, status, "invalid_request_error", code, param, false, null, null);
    }
}
