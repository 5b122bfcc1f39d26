package org.llmrecon.api.provider;

/**
 * The API key was missing, wrong or not allowed (HTTP 401 or 403); the key is never part of the message.
 *
 * @since 1.0.0
 */
public class AuthenticationException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the server's message, without the key
     * @param status the HTTP status
     * @param code the error code, or {@code null}
     */
    public AuthenticationException(String message, int status, String code) {
        super(message, status, "authentication_error", code, null, false, null, null);
    }
}
