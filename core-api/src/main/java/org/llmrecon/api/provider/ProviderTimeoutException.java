package org.llmrecon.api.provider;

/**
 * The call did not complete within the configured timeout; retryable.
 *
 * @since 1.0.0
 */
public class ProviderTimeoutException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out
     * @param cause the cause, or {@code null}
     */
    public ProviderTimeoutException(String message, Throwable cause) {
        super(message, 0, "timeout", null, null, true, null, cause);
    }
}
