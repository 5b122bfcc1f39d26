package org.llmrecon.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Waits for a condition with a deadline, woken by the framework's service,
 * bundle and framework events rather than sleeping: the one wait of every
 * test that runs a framework.
 *
 * @since 1.0.0
 */
public final class EventWait {
    /** How often the condition is checked when no event arrives, for conditions no event announces. */
    private static final long FALLBACK_MILLIS = 50;

    private final BundleContext context;

    /** @param context the framework whose events wake the wait */
    public EventWait(BundleContext context) {
        this.context = context;
    }

    /**
     * Waits until a condition holds, re-checking on every service, bundle and
     * framework event and at least every 50 ms.
     *
     * @param condition checked until true
     * @param deadline how long to wait at most
     * @param description what was awaited, for the failure message
     * @throws AssertionError when the deadline passes or the wait is interrupted
     */
    public void until(BooleanSupplier condition, Duration deadline, Supplier<String> description) {
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
                    throw new AssertionError("not within " + deadline.toSeconds() + " s: " + description.get());
                }
                synchronized (signal) {
                    signal.wait(Math.max(1, Math.min(FALLBACK_MILLIS, left / 1_000_000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for: " + description.get(), e);
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
            context.removeFrameworkListener(framework);
        }
    }

    /** @see #until(BooleanSupplier, Duration, Supplier) */
    public void until(BooleanSupplier condition, Duration deadline, String description) {
        until(condition, deadline, () -> description);
    }

    /**
     * Refreshes bundles and waits for the framework's PACKAGES_REFRESHED event.
     *
     * @param bundles the bundles to refresh, or {@code null} for all removal-pending ones
     * @param deadline how long to wait at most
     * @throws AssertionError when the refresh does not finish in time
     */
    public void refresh(Collection<Bundle> bundles, Duration deadline) {
        AtomicBoolean refreshed = new AtomicBoolean();
        context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class).refreshBundles(bundles, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.set(true);
            }
        });
        until(refreshed::get, deadline, "packages refreshed");
    }

    private static void wake(Object signal) {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
