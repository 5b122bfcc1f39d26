package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.runtime.internal.config.ProviderConfigurations;
import org.llmrecon.api.runtime.TargetInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The factory with a real tracker and configuration manager, and a bundle context that records registrations. */
class RuntimeProviderFactoryTest {
    private final List<Dictionary<String, ?>> registered = new ArrayList<>();
    private final List<Dictionary<String, ?>> unregistered = new ArrayList<>();
    private final BundleContext context = context();
    private final PluginCalls calls = new PluginCalls(Duration.ofSeconds(5));
    private final PluginTracker tracker = new PluginTracker(() -> "1.0.0", calls);
    private final ProviderConfigurations configs = org.llmrecon.runtime.internal.config.ConfigManagers.of(
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), null);
    private final RuntimeProviderFactory factory = new RuntimeProviderFactory(context, tracker, configs, calls,
            Map.of("swap.grace", "0ms"));
    private final CountingPlugin plugin = new CountingPlugin("a");

    @AfterEach
    void stop() {
        factory.deactivate();
        calls.deactivate();
    }

    @Test
    void aWinnerIsServedAndPublishedWithItsType() {
        factory.typeChanged("count", plugin.candidate(1), null);
        assertEquals(Set.of("count"), factory.providerTypes());
        assertEquals(1, registered.size());
        assertEquals("count", registered.get(0).get(RuntimeProviderFactory.PROVIDER_TYPE));
        assertEquals("a null", factory.getProvider("count").chat(ChatRequest.builder().user("hi").build()).text());
    }

    @Test
    void whenNoPluginIsLeftCallsFailWithThePushedReasonAndTheServiceGoes() {
        factory.typeChanged("count", plugin.candidate(1), null);
        factory.getProvider("count");
        factory.typeChanged("count", null, "plugin 'counting-a' for provider type 'count' is rejected: bad");
        assertEquals(1, unregistered.size());
        assertEquals(Set.of(), factory.providerTypes());
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> factory.getProvider("count"));
        assertEquals("plugin 'counting-a' for provider type 'count' is rejected: bad", e.getMessage());
        assertEquals(1, plugin.closed.get());
    }

    @Test
    void aTypeNeverServedFailsWithTheTrackersReason() {
        assertEquals("no plugin offers provider type 'nothing'",
                assertThrows(ProviderUnavailableException.class, () -> factory.getProvider("nothing")).getMessage());
    }

    @Test
    void aConfigurationChangeReachesTheNextInstance() {
        factory.typeChanged("count", plugin.candidate(1), null);
        assertEquals("a null", factory.getProvider("count").chat(ChatRequest.builder().user("hi").build()).text());
        configs.set("count", "baseUrl", "http://two");
        assertEquals("a http://two",
                factory.getProvider("count").chat(ChatRequest.builder().user("hi").build()).text());
        assertEquals(new ProviderInstances(2, 1), factory.getProvider("count").instances());
    }

    @Test
    void aTargetWaitsForItsTypesPluginThenServesAtOnceBesideTheDefaultTarget() {
        configs.addTarget("second", "count", Map.of("baseUrl", "http://second"));
        TargetInfo waiting = factory.target("second").orElseThrow();
        assertEquals("count", waiting.type());
        assertEquals("no plugin offers provider type 'count'", waiting.reason().orElseThrow());
        assertEquals("target 'second' (type 'count'): no plugin offers provider type 'count'",
                assertThrows(ProviderUnavailableException.class, () -> factory.getProvider("second")).getMessage());

        factory.typeChanged("count", plugin.candidate(1), null);
        assertEquals("a http://second", factory.getProvider("second").chat(ChatRequest.builder().user("hi").build()).text());
        assertEquals("a null", factory.getProvider("count").chat(ChatRequest.builder().user("hi").build()).text());
        assertEquals(List.of("count", "second"), factory.targets().stream().map(TargetInfo::name).toList());
        assertEquals(1, factory.getProvider("second").usageMetrics().requests());
        assertEquals(2, registered.size());
        assertEquals("second", registered.get(1).get(RuntimeProviderFactory.PROVIDER_TARGET));

        configs.removeTarget("second");
        assertTrue(factory.target("second").isEmpty());
        assertEquals(1, unregistered.size());
    }

    @Test
    void anUninstalledPluginsDefaultTargetIsDroppedAndAHeldHandleIsServedWhenTheTypeReturns() {
        Bundle first = bundle(7);
        ChatRequest hi = ChatRequest.builder().user("hi").build();
        factory.typeChanged("count", plugin.candidate(1, first), null);
        ManagedProvider held = factory.getProvider("count");
        held.chat(hi);
        factory.typeChanged("count", null, TypeWinner.noPlugin("count"));
        assertTrue(factory.hasHandle("count"), "kept while the bundle is only stopped: an update comes back");

        factory.uninstalled(first);
        assertFalse(factory.hasHandle("count"));
        assertTrue(factory.target("count").isEmpty());
        assertEquals("no plugin offers provider type 'count'",
                assertThrows(ProviderUnavailableException.class, () -> held.chat(hi)).getMessage());

        CountingPlugin back = new CountingPlugin("b");
        factory.typeChanged("count", back.candidate(2, bundle(8)), null);
        assertEquals("b null", held.chat(hi).text());
        assertSame(held, factory.getProvider("count"));
        assertEquals(2, held.usageMetrics().requests() - held.usageMetrics().errors(), "the metrics went with the handle");
    }

    @Test
    void aConfiguredTargetStaysAfterItsPluginIsUninstalledAndAnotherBundlesUninstallDropsNothing() {
        configs.addTarget("second", "count", Map.of("baseUrl", "http://second"));
        Bundle first = bundle(7);
        factory.typeChanged("count", plugin.candidate(1, first), null);
        factory.getProvider("second");
        factory.typeChanged("count", null, TypeWinner.noPlugin("count"));
        factory.uninstalled(bundle(99));
        assertTrue(factory.hasHandle("count"));

        factory.uninstalled(first);
        assertFalse(factory.hasHandle("count"));
        assertTrue(factory.hasHandle("second"));
        assertEquals("no plugin offers provider type 'count'",
                factory.target("second").orElseThrow().reason().orElseThrow());
        configs.removeTarget("second");
    }

    @Test
    void aTargetWithACallStillInFlightIsNotDroppedOnUninstall() throws Exception {
        Bundle first = bundle(7);
        factory.typeChanged("count", plugin.candidate(1, first), null);
        ManagedProvider handle = factory.getProvider("count");
        plugin.chatGate = new CountDownLatch(1);
        plugin.chatEntered = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> call = pool.submit(() -> handle.chat(ChatRequest.builder().user("hi").build()));
            assertTrue(plugin.chatEntered.await(30, TimeUnit.SECONDS));
            factory.typeChanged("count", null, TypeWinner.noPlugin("count"));
            factory.uninstalled(first);
            assertTrue(factory.hasHandle("count"));
            plugin.chatGate.countDown();
            call.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private Bundle bundle(long id) {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getState" -> Bundle.ACTIVE;
                    case "hashCode" -> (int) id;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "registerService" -> registration(args[2]);
                    case "getProperty" -> null;
                    default -> null;
                });
    }

    @SuppressWarnings("unchecked")
    private ServiceRegistration<?> registration(Object props) {
        Dictionary<String, ?> p = (Dictionary<String, ?>) props;
        registered.add(p);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.add(p);
                    }
                    return null;
                });
    }
}
