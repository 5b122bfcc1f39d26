package org.llmrecon.runtime.internal.resilience;

import java.util.function.Supplier;

import dev.failsafe.ExecutionContext;
import dev.failsafe.function.ContextualSupplier;

/**
 * One guarded call as Failsafe runs it: counts the times the provider was really invoked and keeps what it last
 * threw. Used by one thread at a time (Failsafe runs synchronous attempts on the caller's thread).
 */
final class Attempts<T> implements ContextualSupplier<T, T> {
    private final Supplier<T> call;
    private int invocations;
    private Throwable lastFailure;

    Attempts(Supplier<T> call) {
        this.call = call;
    }

    @Override
    public T get(ExecutionContext<T> context) throws Throwable {
        invocations++;
        try {
            return call.get();
        } catch (Throwable failure) {
            lastFailure = failure;
            throw failure;
        }
    }

    /** @return how often the provider was invoked beyond the first time */
    int retries() {
        return Math.max(0, invocations - 1);
    }

    /** @return what the provider last threw, or {@code null} */
    Throwable lastFailure() {
        return lastFailure;
    }
}
