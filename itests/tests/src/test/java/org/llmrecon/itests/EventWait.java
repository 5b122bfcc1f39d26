package org.llmrecon.itests;

import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceListener;

/** Waits for a condition with a deadline, woken by framework events rather than sleeping. */
final class EventWait {
    private final BundleContext context;

    EventWait(BundleContext context) {
        this.context = context;
    }

    /**
     * Waits until a condition holds, re-checking on every service, bundle and
     * framework event and at least every 50 ms (for conditions no event
     * announces); fails with the description when the deadline passes.
     *
     * @param condition polled until true
     * @param deadline how long to wait at most
     * @param description what was awaited, for the failure message
     */
    void until(BooleanSupplier condition, Duration deadline, Supplier<String> description) {
        Object signal = new Object();
        ServiceListener services = e -> wake(signal);
        BundleListener bundles = e -> wake(signal);
        FrameworkListener framework = e -> wake(signal);
        context.addServiceListener(services);
        context.addBundleListener(bundles);
        context.addFrameworkListener(framework);
        try {
            long end = System.nanoTime() + deadline.toNanos();
            while (!condition.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    fail("not within " + deadline.toSeconds() + " s: " + description.get());
                }
                synchronized (signal) {
                    signal.wait(Math.max(1, Math.min(50, left / 1_000_000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for: " + description.get());
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
            context.removeFrameworkListener(framework);
        }
    }

    private static void wake(Object signal) {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
