package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.Provider;

class ProviderInstanceTest {
    private final PluginCalls calls = new PluginCalls(Duration.ofMillis(200));
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger closes = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        calls.deactivate();
    }

    @Test
    void hangingCloseIsGivenUpOnAndReported() {
        ProviderInstance instance = instance(() -> {
            closes.incrementAndGet();
            await(release);
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), instance::retire);
        assertTrue(instance.closed());
        assertEquals(1, closes.get());
        assertEquals(List.of("close() of provider 'x' did not return within 200 ms"), failures);
    }

    @Test
    void throwingCloseIsReportedInOneLine() {
        ProviderInstance instance = instance(() -> {
            throw new IllegalStateException("no\nmore");
        });
        instance.retire();
        assertEquals(List.of("close() of provider 'x' threw IllegalStateException: no"), failures);
    }

    @Test
    void closeWaitsForTheLastCallAndHappensOnce() {
        ProviderInstance instance = instance(closes::incrementAndGet);
        assertTrue(instance.enter());
        instance.retire();
        assertEquals(0, closes.get());
        instance.exit();
        instance.retire();
        assertEquals(1, closes.get());
        assertTrue(failures.isEmpty());
    }

    private ProviderInstance instance(Runnable onClose) {
        Provider provider = (Provider) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Provider.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        onClose.run();
                    }
                    return null;
                });
        return new ProviderInstance(provider, null, null, calls, "close() of provider 'x'", failures::add,
                i -> { });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            // deaf to interrupts like a badly written plugin: keep hanging until released
            await(latch);
        }
    }
}
