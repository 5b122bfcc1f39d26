package org.llmrecon.runtime.internal.legacy;

/** A legacy declaration that cannot be used; the message names the declaration and the reason. */
public final class LegacyPluginException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LegacyPluginException(String message) {
        super(message);
    }
}
