package org.llmrecon.runtime.internal.resilience;

import java.util.Set;

import org.llmrecon.api.provider.ProviderException;

/** Sorts the failures of provider calls: which are worth a retry and which say the provider is unhealthy. */
final class FailureKinds {

    private FailureKinds() {
    }

    /** A retry may help when the provider says so, or when the HTTP status is one the configuration lists. */
    static boolean retryable(Throwable failure, Set<Integer> retryableStatusCodes) {
        return failure instanceof ProviderException e
                && (e.retryable() || retryableStatusCodes.contains(e.status()));
    }

    /**
     * Counts towards opening the circuit: server errors (5xx, including 503 unavailable), timeouts, other retryable
     * failures such as lost connections, malformed answers, and any exception that is not a
     * {@link ProviderException} (the plugin itself is failing). Not counted: 429 (the server is alive and only
     * throttles; retries honour its Retry-After), other 4xx (the request was at fault), and non-retryable failures
     * without a status, such as bad configuration or the runtime's own
     * {@link org.llmrecon.api.provider.ProviderUnavailableException} (no plugin loaded, or it was unloaded during
     * the call): those say nothing about the remote service, and counting them would keep a freshly deployed plugin
     * behind an open circuit.
     */
    static boolean countsForCircuit(Throwable failure) {
        if (!(failure instanceof ProviderException e)) {
            return true;
        }
        int status = e.status();
        if (status >= 500) {
            return true;
        }
        if (status >= 400) {
            return false;
        }
        return e.retryable() || "timeout".equals(e.type()) || "malformed_response".equals(e.type());
    }
}
