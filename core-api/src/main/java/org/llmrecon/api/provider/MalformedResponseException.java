package org.llmrecon.api.provider;

/**
 * The server's response or stream could not be understood or ended too early.
 *
 * @since 1.0.0
 */
public class MalformedResponseException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the response
     * @param cause the cause, or {@code null}
     */
    public MalformedResponseException(String message, Throwable cause) {
        super(message, 0, "malformed_response", null, null, false, null, cause);
    }
}
