package org.llmrecon.api.provider;

/**
 * No provider can serve the call: the type is unknown, its plugin was rejected or unloaded, or its circuit breaker is open.
 *
 * @since 1.0.0
 */
public class ProviderUnavailableException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why no provider is available
     */
    public ProviderUnavailableException(String message) {
        super(message, 0, "unavailable", null, null, false, null, null);
    }

    /**
     * @param message why no provider is available
     * @param cause the cause
     */
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, 0, "unavailable", null, null, false, null, cause);
    }
}
