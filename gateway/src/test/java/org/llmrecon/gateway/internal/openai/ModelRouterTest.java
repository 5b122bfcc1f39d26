package org.llmrecon.gateway.internal.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.gateway.internal.Targets;

class ModelRouterTest {
    private static final Map<String, List<String>> MODELS = Map.of(
            "local", List.of("llama-3", "shared"),
            "openai", List.of("gpt-4o", "shared"),
            "broken", List.of());

    private static final Map<String, AtomicInteger> LISTINGS = new ConcurrentHashMap<>();
    private static final Map<String, ProviderConfig> CONFIGS = new ConcurrentHashMap<>();
    private final ModelRouter router = new ModelRouter(new Targets(factory()));

    @Test
    void routingReusesATargetsModelListUntilItsConfigurationChanges() {
        int before = listings("openai");
        for (int i = 0; i < 5; i++) {
            assertEquals("openai/gpt-4o", router.route("openai/gpt-4o").publicId());
        }
        assertEquals(before + 1, listings("openai"), "one GET /models for five requests");
        CONFIGS.put("openai", ProviderConfig.builder("openai").baseUrl("http://127.0.0.1:1/v1").build());
        try {
            router.route("openai/gpt-4o");
            assertEquals(before + 2, listings("openai"), "a changed configuration lists again");
        } finally {
            CONFIGS.remove("openai");
        }
    }

    private static int listings(String target) {
        return LISTINGS.computeIfAbsent(target, t -> new AtomicInteger()).get();
    }

    @Test
    void routesTargetSlashModelAUniqueModelAndATargetName() {
        assertEquals("local/llama-3", router.route("local/llama-3").publicId());
        assertEquals("openai/gpt-4o", router.route("gpt-4o").publicId());
        assertEquals("openai/gpt-4o", router.route("openai").publicId());
    }

    @Test
    void unknownIs404AmbiguousIs400AnUnavailableTargetIs503() {
        assertEquals(404, assertThrows(GatewayException.class, () -> router.route("nothing")).status());
        assertEquals(404, assertThrows(GatewayException.class, () -> router.route("local/gpt-4o")).status());
        GatewayException twice = assertThrows(GatewayException.class, () -> router.route("shared"));
        assertEquals(400, twice.status());
        assertEquals("model: 'shared' is offered by targets local, openai: write local/shared", twice.getMessage());
        assertEquals(503, assertThrows(GatewayException.class, () -> router.route("broken/x")).status());
    }

    private static ProviderFactory factory() {
        return (ProviderFactory) Proxy.newProxyInstance(ModelRouterTest.class.getClassLoader(),
                new Class<?>[] {ProviderFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "targets" -> MODELS.keySet().stream().map(t -> TargetInfo.builder().name(t).type("x")
                            .reason(t.equals("broken") ? "no plugin of type x" : null).build()).toList();
                    case "target" -> Optional.ofNullable(MODELS.containsKey(args[0]) ? TargetInfo.builder()
                            .name((String) args[0]).type("x").build() : null);
                    case "getProvider" -> provider((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ManagedProvider provider(String target) {
        if (target.equals("broken")) {
            throw new ProviderUnavailableException("broken: the plugin is gone");
        }
        ProviderConfig config = ProviderConfig.builder(target).build();
        AtomicInteger listed = LISTINGS.computeIfAbsent(target, t -> new AtomicInteger());
        return (ManagedProvider) Proxy.newProxyInstance(ModelRouterTest.class.getClassLoader(),
                new Class<?>[] {ManagedProvider.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "listModels" -> listed.incrementAndGet() < 0 ? null : MODELS.get(target).stream().map(m -> ModelInfo.builder().id(m).build())
                            .toList();
                    case "config" -> CONFIGS.getOrDefault(target, config);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
