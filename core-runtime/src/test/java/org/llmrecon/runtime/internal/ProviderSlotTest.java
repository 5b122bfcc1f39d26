package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderInstances;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.ServerException;
import org.llmrecon.runtime.internal.resilience.CallGuard;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;

class ProviderSlotTest {
    private final Callouts callouts = new Callouts(Duration.ofSeconds(5));
    private final AtomicReference<String> baseUrl = new AtomicReference<>("http://one");
    private final List<String> warnings = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    private ProviderSlot slot(Duration grace) {
        return new ProviderSlot("count", () -> ProviderConfig.builder("count").baseUrl(baseUrl.get()).build(),
                t -> "no plugin offers provider type '" + t + "'", callouts, grace, warnings::add);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        callouts.close();
    }

    @Test
    void concurrentFirstCallsCreateExactlyOneInstance() throws Exception {
        CountingPlugin plugin = new CountingPlugin("a");
        ProviderSlot slot = slot(Duration.ZERO);
        slot.bind(plugin.candidate(1));
        CountDownLatch start = new CountDownLatch(1);
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                ProviderInstance instance = slot.acquire();
                seen.add(instance.provider());
                instance.exit();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : calls) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, plugin.created.get());
        assertEquals(1, seen.size());
    }

    @Test
    void failedCreationIsReportedAndNotCached() {
        CountingPlugin plugin = new CountingPlugin("a");
        plugin.failuresLeft.set(1);
        ProviderSlot slot = slot(Duration.ZERO);
        slot.bind(plugin.candidate(1));
        ServerException e = assertThrows(ServerException.class, slot::acquire);
        assertEquals("creation failed on purpose", e.getMessage());
        slot.acquire().exit();
        assertEquals(1, plugin.created.get());
    }

    @Test
    void unbindClosesTheInstanceOnceAfterTheCallInFlightFinishes() throws Exception {
        CountingPlugin plugin = new CountingPlugin("a");
        ProviderSlot slot = slot(Duration.ZERO);
        slot.bind(plugin.candidate(1));
        ProviderHandle handle = new ProviderHandle("count", slot, new CallGuard("count", ResilienceSettings.defaults()));
        plugin.chatGate = new CountDownLatch(1);
        plugin.chatEntered = new CountDownLatch(1);
        Future<String> inFlight = pool.submit(() -> handle.chat(ChatRequest.builder().user("hi").build()).text());
        assertTrue(plugin.chatEntered.await(30, TimeUnit.SECONDS));
        slot.unbind();
        assertEquals(0, plugin.closed.get(), "closed while a call was in flight");
        assertEquals(new ProviderInstances(1, 0), slot.instances());
        assertThrows(ProviderUnavailableException.class, () -> handle.chat(ChatRequest.builder().user("x").build()));
        plugin.chatGate.countDown();
        assertEquals("a http://one", inFlight.get(30, TimeUnit.SECONDS));
        assertEquals(1, plugin.closed.get());
        slot.unbind();
        slot.refresh();
        assertEquals(1, plugin.closed.get());
        assertEquals(new ProviderInstances(1, 1), slot.instances());
        assertEquals(0, slot.instances().open());
    }

    @Test
    void aReplacementServesNewCallsAndTheOldInstanceIsClosedOnce() {
        CountingPlugin first = new CountingPlugin("first");
        CountingPlugin second = new CountingPlugin("second");
        ProviderSlot slot = slot(Duration.ofSeconds(30));
        ProviderHandle handle = new ProviderHandle("count", slot, new CallGuard("count", ResilienceSettings.defaults()));
        slot.bind(first.candidate(1));
        assertEquals("first http://one", handle.chat(ChatRequest.builder().user("hi").build()).text());
        slot.unbind();
        pool.submit(() -> slot.bind(second.candidate(2)));
        assertEquals("second http://one", handle.chat(ChatRequest.builder().user("hi").build()).text());
        assertEquals(1, first.closed.get());
        assertEquals(0, second.closed.get());
        assertEquals(new ProviderInstances(2, 1), handle.instances());
    }

    @Test
    void refreshRecreatesFromTheCurrentConfiguration() {
        CountingPlugin plugin = new CountingPlugin("a");
        ProviderSlot slot = slot(Duration.ZERO);
        slot.bind(plugin.candidate(1));
        ProviderInstance before = slot.acquire();
        before.exit();
        baseUrl.set("http://two");
        slot.refresh();
        ProviderInstance after = slot.acquire();
        after.exit();
        assertEquals("http://two", after.config().baseUrl());
        assertEquals(2, plugin.created.get());
        assertEquals(1, plugin.closed.get());
        assertSame(before.plugin().plugin(), after.plugin().plugin());
    }

    @Test
    void aTypeNeverServedFailsAtOnceWithTheReason() {
        ProviderSlot slot = slot(Duration.ofMinutes(5));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, slot::acquire);
        assertEquals("no plugin offers provider type 'count'", e.getMessage());
    }
}
