package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
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
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.ServerException;
import org.llmrecon.runtime.internal.resilience.CallGuard;
import org.osgi.framework.Bundle;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;

class ProviderSlotTest {
    private final PluginCalls calls = new PluginCalls(Duration.ofSeconds(5));
    private final AtomicReference<String> baseUrl = new AtomicReference<>("http://one");
    private final List<String> warnings = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    private ProviderSlot slot(Duration grace) {
        ProviderSlot slot = new ProviderSlot("count", calls, grace, warnings::add);
        slot.configure(ProviderConfig.builder("count").baseUrl(baseUrl.get()).build());
        return slot;
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        calls.deactivate();
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
        ProviderHandle handle = new ProviderHandle("count", slot, new CallGuard("count", ResilienceSettings.defaults()),
                calls);
        plugin.chatGate = new CountDownLatch(1);
        plugin.chatEntered = new CountDownLatch(1);
        Future<String> inFlight = pool.submit(() -> handle.chat(ChatRequest.builder().user("hi").build()).text());
        assertTrue(plugin.chatEntered.await(30, TimeUnit.SECONDS));
        slot.unbind("gone");
        assertEquals(0, plugin.closed.get(), "closed while a call was in flight");
        assertEquals(new ProviderInstances(1, 0), slot.instances());
        assertThrows(ProviderUnavailableException.class, () -> handle.chat(ChatRequest.builder().user("x").build()));
        plugin.chatGate.countDown();
        assertEquals("a http://one", inFlight.get(30, TimeUnit.SECONDS));
        assertEquals(1, plugin.closed.get());
        slot.unbind("gone");
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
        ProviderHandle handle = new ProviderHandle("count", slot, new CallGuard("count", ResilienceSettings.defaults()),
                calls);
        slot.bind(first.candidate(1));
        assertEquals("first http://one", handle.chat(ChatRequest.builder().user("hi").build()).text());
        slot.unbind("gone");
        pool.submit(() -> slot.bind(second.candidate(2)));
        assertEquals("second http://one", handle.chat(ChatRequest.builder().user("hi").build()).text());
        assertEquals(1, first.closed.get());
        assertEquals(0, second.closed.get());
        assertEquals(new ProviderInstances(2, 1), handle.instances());
    }

    @Test
    void aStoppingBundleWaitsForTheCallInFlightWhileNewCallsWaitForTheReplacement() throws Exception {
        CountingPlugin first = new CountingPlugin("first");
        CountingPlugin second = new CountingPlugin("second");
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getState") ? (Object) Bundle.STOPPING
                        : method.getName().equals("getBundleId") ? (Object) 42L : null);
        ProviderSlot slot = slot(Duration.ofSeconds(30));
        ProviderHandle handle = new ProviderHandle("count", slot, new CallGuard("count", ResilienceSettings.defaults()),
                calls);
        slot.bind(first.candidate(1, bundle));
        first.chatGate = new CountDownLatch(1);
        first.chatEntered = new CountDownLatch(1);
        Future<String> inFlight = pool.submit(() -> handle.chat(ChatRequest.builder().user("hi").build()).text());
        assertTrue(first.chatEntered.await(30, TimeUnit.SECONDS));
        slot.refresh(); // a configuration change retires the busy instance before the bundle stops

        Future<Boolean> stop = pool.submit(() -> slot.drain(bundle, Duration.ofSeconds(30)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (slot.bound() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the stop has let go of the plugin
        }
        assertFalse(slot.bound());
        Future<String> arriving = pool.submit(() -> handle.chat(ChatRequest.builder().user("hi").build()).text());
        assertFalse(stop.isDone(), "the stop went on while a call was in flight");
        assertEquals(0, first.closed.get());
        first.chatGate.countDown();
        assertTrue(stop.get(30, TimeUnit.SECONDS));
        assertEquals(1, first.closed.get(), "closed before the stop went on");
        assertEquals("first http://one", inFlight.get(30, TimeUnit.SECONDS));

        slot.bind(second.candidate(2));
        assertEquals("second http://one", arriving.get(30, TimeUnit.SECONDS), "the new call waited for the replacement");
        assertFalse(slot.drain(bundle, Duration.ofSeconds(30)), "nothing of the stopped bundle left to drain");
    }

    @Test
    void creationFailingBecauseTheBundleStopsWaitsForTheReplacement() throws Exception {
        CountingPlugin replacement = new CountingPlugin("new");
        CountDownLatch failed = new CountDownLatch(1);
        PluginInterface stopping = (PluginInterface) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PluginInterface.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createProvider")) {
                        failed.countDown();
                        throw new NoClassDefFoundError("org/example/Gone"); // its class loader is closing
                    }
                    return null;
                });
        Bundle resolved = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getState") ? (Object) Bundle.RESOLVED
                        : method.getName().equals("getBundleId") ? (Object) 43L : null);
        ProviderSlot slot = slot(Duration.ofSeconds(30));
        slot.bind(new PluginCandidate(1, 0, resolved, stopping, replacement.getMetadata(), PluginState.ACTIVE, null,
                false));
        Future<ProviderInstance> call = pool.submit(slot::acquire);
        assertTrue(failed.await(30, TimeUnit.SECONDS));

        slot.unbind("gone"); // the update: the old plugin goes, the new one comes
        PluginCandidate next = replacement.candidate(2);
        slot.bind(next);

        ProviderInstance instance = call.get(30, TimeUnit.SECONDS);
        instance.exit();
        assertSame(next, instance.plugin());
        assertEquals(1, replacement.created.get());
        assertTrue(warnings.isEmpty(), "no warning for a creation that met an update: " + warnings);
    }

    @Test
    void refreshRecreatesFromTheCurrentConfiguration() {
        CountingPlugin plugin = new CountingPlugin("a");
        ProviderSlot slot = slot(Duration.ZERO);
        slot.bind(plugin.candidate(1));
        ProviderInstance before = slot.acquire();
        before.exit();
        slot.configure(ProviderConfig.builder("count").baseUrl("http://two").build());
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
