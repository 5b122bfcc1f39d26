package org.llmrecon.launcher;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceListener;

/**
 * Waits for a condition of the framework with a deadline, re-checked when a
 * bundle, service or framework event arrives rather than on a fixed poll. A
 * coarse re-check covers changes that raise no event (a component failing to
 * activate, a state that counts only once it has lasted).
 */
final class FrameworkEvents {
    static final Duration RECHECK = Duration.ofMillis(250);

    private final BundleContext context;
    private long events;

    FrameworkEvents(BundleContext context) {
        this.context = context;
    }

    /**
     * @param pending what is still awaited; empty when the wait is over
     * @param timeout the longest wait
     * @return what was still pending when the wait ended
     */
    <T> List<T> await(Supplier<List<T>> pending, Duration timeout) {
        BundleListener bundles = e -> woken();
        ServiceListener services = e -> woken();
        FrameworkListener framework = e -> woken();
        context.addBundleListener(bundles);
        context.addServiceListener(services);
        context.addFrameworkListener(framework);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (;;) {
                long seen;
                synchronized (this) {
                    seen = events;
                }
                List<T> left = pending.get();
                long now = System.nanoTime();
                if (left.isEmpty() || now >= deadline) {
                    return left;
                }
                synchronized (this) {
                    if (events == seen) {
                        wait(Math.max(1, Math.min(RECHECK.toMillis(), (deadline - now) / 1_000_000)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending.get();
        } finally {
            context.removeFrameworkListener(framework);
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
        }
    }

    private synchronized void woken() {
        events++;
        notifyAll();
    }
}
