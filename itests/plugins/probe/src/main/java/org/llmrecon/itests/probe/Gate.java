package org.llmrecon.itests.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named gates a provider call can wait at, so a test can hold a call in
 * flight while it uninstalls or reloads the plugin, then let it go.
 */
public final class Gate {
    private static final Map<String, CountDownLatch> OPEN = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> WAITING = new ConcurrentHashMap<>();
    private static final long LIMIT_MINUTES = 5;

    private Gate() {
    }

    /** @param name a gate; blocks until it is opened (or a safety limit of minutes passes) */
    static void pass(String name) {
        WAITING.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        try {
            latch(name).await(LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            WAITING.get(name).decrementAndGet();
        }
    }

    /** @param name a gate @return how many calls wait at it now */
    public static int waiting(String name) {
        AtomicInteger n = WAITING.get(name);
        return n == null ? 0 : n.get();
    }

    /** @param name a gate to open for every call waiting or to come */
    public static void open(String name) {
        latch(name).countDown();
    }

    private static CountDownLatch latch(String name) {
        return OPEN.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
}
