package org.llmrecon.api.provider;

/**
 * The model does not exist or is not available (HTTP 404).
 *
 * @since 1.0.0
 */
public class ModelNotFoundException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was not found
     * @param code the error code, or {@code null}
     */
    public ModelNotFoundException(String message, String code) {
        super(message, 404, "not_found_error", code, "model", false, null, null);
    }
}
