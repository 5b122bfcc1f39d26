package org.llmrecon.api.provider;

/**
 * A provider configuration was rejected before any request was made.
 *
 * @since 1.0.0
 */
public class InvalidConfigException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the field but never a secret value
     */
    public InvalidConfigException(String message) {
        super(message, 0, "invalid_config", null, null, false, null, null);
    }
}
