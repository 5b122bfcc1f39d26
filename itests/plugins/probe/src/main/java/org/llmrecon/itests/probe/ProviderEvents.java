package org.llmrecon.itests.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, per plugin bundle id, the providers created and the close() calls
 * they received. Only numbers are kept, so nothing here pins a plugin's
 * class loader, and the counts outlive the plugin for the test to read.
 */
public final class ProviderEvents {
    private static final Map<Long, AtomicInteger> CREATED = new ConcurrentHashMap<>();
    private static final Map<Long, AtomicInteger> CLOSED = new ConcurrentHashMap<>();

    private ProviderEvents() {
    }

    static void recordCreated(long bundleId) {
        CREATED.computeIfAbsent(bundleId, id -> new AtomicInteger()).incrementAndGet();
    }

    static void recordClosed(long bundleId) {
        CLOSED.computeIfAbsent(bundleId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** @param bundleId a plugin bundle's id @return how many providers it created */
    public static int createdBy(long bundleId) {
        AtomicInteger n = CREATED.get(bundleId);
        return n == null ? 0 : n.get();
    }

    /** @param bundleId a plugin bundle's id @return how many close() calls its providers received */
    public static int closedBy(long bundleId) {
        AtomicInteger n = CLOSED.get(bundleId);
        return n == null ? 0 : n.get();
    }
}
