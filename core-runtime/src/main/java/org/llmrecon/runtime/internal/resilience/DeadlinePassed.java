package org.llmrecon.runtime.internal.resilience;

import org.llmrecon.api.provider.ProviderTimeoutException;

/**
 * A call's whole deadline (the target's timeout) has passed: it is not
 * retried, since no time is left for another attempt.
 */
public final class DeadlinePassed extends ProviderTimeoutException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the call and its deadline */
    public DeadlinePassed(String message) {
        super(message, null);
    }
}
