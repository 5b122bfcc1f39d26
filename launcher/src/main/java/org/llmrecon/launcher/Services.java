package org.llmrecon.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** The runtime's services, each tracked from first use and waited for with a deadline. */
final class Services implements AutoCloseable {
    private static final long SLICE_MILLIS = 100;
    private final BundleContext context;
    private final Duration timeout;
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();

    Services(BundleContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    <T> T get(Class<T> type) {
        ServiceTracker<?, ?> tracker = trackers.computeIfAbsent(type, t -> {
            ServiceTracker<?, ?> st = new ServiceTracker<>(context, t.getName(), null);
            st.open();
            return st;
        });
        try {
            long end = System.nanoTime() + timeout.toNanos();
            Object service = tracker.waitForService(SLICE_MILLIS);
            while (service == null) {
                // a component that failed to activate never comes: say why at once
                Optional<String> failure = RuntimeFailures.of(context);
                if (failure.isPresent()) {
                    throw new IllegalStateException(type.getSimpleName() + " is not available: " + failure.get());
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(type.getSimpleName() + " is not available after "
                            + timeout.toSeconds() + " s" + inactive());
                }
                service = tracker.waitForService(SLICE_MILLIS);
            }
            return type.cast(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    private String inactive() {
        String names = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != org.osgi.framework.Bundle.ACTIVE
                        && b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) == null)
                .map(b -> b.getSymbolicName() + " (state " + b.getState() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return names.isEmpty() ? "" : "; bundles not active: " + names;
    }

    @Override
    public void close() {
        trackers.values().forEach(t -> {
            try {
                t.close();
            } catch (IllegalStateException e) {
                // the framework is gone already
            }
        });
    }
}
