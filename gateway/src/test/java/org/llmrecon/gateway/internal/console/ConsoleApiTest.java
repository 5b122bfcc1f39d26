package org.llmrecon.gateway.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.Cost;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.api.runtime.UsageMetrics;
import org.llmrecon.gateway.internal.Targets;

class ConsoleApiTest {
    @TempDir
    Path folder;

    private final List<String> calls = new ArrayList<>();

    private final PluginManager plugins = fake(PluginManager.class, (method, args) -> switch (method) {
        case "plugins" -> List.of(PluginInfo.builder().name("x.jar").state(PluginState.FAILED)
                .reason("not a jar: zip END header not found").build());
        case "watchedFolders" -> List.of(folder);
        case "uninstall" -> calls.add("uninstall " + args[0]) ? null : null;
        default -> throw new AssertionError(method);
    });

    private final ConfigManager config = fake(ConfigManager.class, (method, args) -> switch (method) {
        case "describe" -> List.of(new ConfigEntry("apiKey", "********", "api", true));
        case "set" -> {
            if ("soon".equals(args[2])) {
                throw new IllegalArgumentException("param.tokenDelay: is not a duration");
            }
            calls.add("set " + args[0] + " " + args[1]);
            yield null;
        }
        default -> throw new AssertionError(method);
    });

    private final ManagedProvider mock = fake(ManagedProvider.class, (method, args) -> switch (method) {
        case "type" -> "mock";
        case "usageMetrics" -> UsageMetrics.builder().requests(3).errors(1).promptTokens(12).cost(Cost.ZERO).build();
        default -> throw new AssertionError(method);
    });

    private final ConsoleApi api = new ConsoleApi(plugins, config,
            new ConsoleTargets(new Targets(fake(ProviderFactory.class, (method, args) -> switch (method) {
                case "targets" -> List.of(target("mock", null), target("openai", null),
                        target("anthropic", "no active plugin offers type 'anthropic'"));
                case "getProvider" -> {
                    if (args[0].equals("openai")) {
                        throw new ProviderUnavailableException("openai: apiKey is missing");
                    }
                    yield mock;
                }
                default -> throw new AssertionError(method);
            }))));

    @Test
    void listsPluginsWithStateAndReason() throws Exception {
        ConsoleApi.Reply r = api.handle("GET", "plugins", null, InputStream.nullInputStream());
        assertEquals(200, r.status());
        Map<?, ?> plugin = (Map<?, ?>) ((List<?>) r.body()).get(0);
        assertEquals("FAILED", plugin.get("state"));
        assertEquals("not a jar: zip END header not found", plugin.get("reason"));
    }

    @Test
    void listsTargetsWithTheirUsageOrWhyNot() throws Exception {
        List<?> targets = (List<?>) api.handle("GET", "targets", null, InputStream.nullInputStream()).body();
        assertEquals(3, targets.size());
        Map<?, ?> mockView = (Map<?, ?>) targets.get(0);
        assertEquals("mock", mockView.get("name"));
        assertEquals("etc", mockView.get("source"));
        assertEquals("closed", mockView.get("circuit"));
        assertEquals(true, mockView.get("available"));
        Map<?, ?> metrics = (Map<?, ?>) mockView.get("metrics");
        assertEquals(3L, metrics.get("requests"));
        assertEquals(1L, metrics.get("errors"));
        assertEquals(12L, metrics.get("promptTokens"));
        assertEquals(Map.of("amount", 0.0, "currency", "USD"), metrics.get("cost"));
        assertEquals(false, ((Map<?, ?>) targets.get(1)).get("available"));
        assertEquals("openai: apiKey is missing", ((Map<?, ?>) targets.get(1)).get("reason"));
        assertEquals("no active plugin offers type 'anthropic'", ((Map<?, ?>) targets.get(2)).get("reason"));
        assertEquals(null, ((Map<?, ?>) targets.get(2)).get("metrics"));
    }

    @Test
    void uploadWritesIntoTheWatchedFolderAndRefusesABadName() throws Exception {
        ConsoleApi.Reply ok = api.handle("POST", "plugins", "echo.jar", new ByteArrayInputStream(new byte[] {1}));
        assertEquals(new ConsoleApi.Reply(200, Map.of("file", "echo.jar")), ok);
        assertTrue(Files.isRegularFile(folder.resolve("echo.jar")));
        ConsoleApi.Reply bad = api.handle("POST", "plugins", "../echo.jar", new ByteArrayInputStream(new byte[] {1}));
        assertEquals(400, bad.status());
        assertTrue(message(bad).startsWith("file: "), message(bad));
    }

    @Test
    void removeUninstalls() throws Exception {
        assertEquals(204, api.handle("DELETE", "plugins/echo", null, InputStream.nullInputStream()).status());
        assertEquals(List.of("uninstall echo"), calls);
    }

    @Test
    void aRefusedValueComesBackAsItsReasonAndAnAcceptedOneAsTheMaskedConfiguration() throws Exception {
        ConsoleApi.Reply refused = api.handle("POST", "targets/mock/config", null,
                json("{\"key\":\"param.tokenDelay\",\"value\":\"soon\"}"));
        assertEquals(400, refused.status());
        assertEquals("param.tokenDelay: is not a duration", message(refused));
        ConsoleApi.Reply ok = api.handle("POST", "targets/mock/config", null,
                json("{\"key\":\"apiKey\",\"value\":\"sk-very-secret\"}"));
        assertEquals(200, ok.status());
        assertEquals(List.of("set mock apiKey"), calls);
        assertTrue(!ok.body().toString().contains("sk-very-secret") && ok.body().toString().contains("********"),
                ok.body().toString());
        assertEquals(400, api.handle("POST", "targets/mock/config", null, json("not json")).status());
    }

    @Test
    void anUnknownEndpointIsNamed() throws Exception {
        ConsoleApi.Reply r = api.handle("GET", "nothing/here", null, InputStream.nullInputStream());
        assertEquals(404, r.status());
        assertEquals("no console endpoint GET /console/api/nothing/here", message(r));
    }

    private static TargetInfo target(String name, String reason) {
        return TargetInfo.builder().name(name).type(name).source("etc").reason(reason).build();
    }

    private static String message(ConsoleApi.Reply r) {
        return (String) ((Map<?, ?>) ((Map<?, ?>) r.body()).get("error")).get("message");
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    // Only what a test calls is answered: the fakes need not follow every change of the runtime's interfaces.
    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
