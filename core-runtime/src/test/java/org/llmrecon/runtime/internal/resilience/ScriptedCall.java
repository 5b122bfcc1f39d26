package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.provider.Usage;

/** A provider call that plays a script: each invocation throws or returns the next entry; the last one repeats. */
final class ScriptedCall implements Supplier<String> {
    /** Retries fast enough for tests: 3 retries from 1 ms to 4 ms. */
    static final RetryConfig FAST_RETRY = new RetryConfig(3, Duration.ofMillis(1), Duration.ofMillis(4), 2.0,
            java.util.Set.of(429, 500, 502, 503, 504));

    private final Object[] script;
    private final AtomicInteger invocations = new AtomicInteger();
    private final List<Long> startNanos = new CopyOnWriteArrayList<>();

    ScriptedCall(Object... script) {
        this.script = script;
    }

    @Override
    public String get() {
        startNanos.add(System.nanoTime());
        int index = invocations.getAndIncrement();
        Object next = script[Math.min(index, script.length - 1)];
        if (next instanceof Throwable t) {
            throw ScriptedCall.<RuntimeException>sneaky(t);
        }
        return (String) next;
    }

    int invocations() {
        return invocations.get();
    }

    /** @return nanoseconds between the start of invocation {@code from} and that of {@code to} */
    long gapNanos(int from, int to) {
        return startNanos.get(to) - startNanos.get(from);
    }

    static Usage tokens(String result) {
        return Usage.of(10, 5);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
