package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.bundleOf;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.TargetInfo;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * Named targets in a real framework: two {@code openai} targets on two
 * servers at once with their own metrics, targets added, changed and removed
 * while calls run, what the runtime writes to the configuration folder, and a
 * wrong key file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TargetsIT extends TestSupport {
    private static final String ALPHA_KEY = "sk-targetsit-alpha-7Q3xVb9LmN2p";
    private static final String BETA_KEY = "sk-targetsit-beta-4Hd8Kw1ZrT6y";

    @Inject
    private ConfigManager configManager;

    private final List<String> added = new ArrayList<>();

    @Override
    protected Option[] extraOptions() {
        Path etc;
        try {
            etc = workFolder("targets-etc");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Option[] {bundleOf("provider-template"), bundleOf("provider-openai-sample"),
                systemPackage("com.sun.net.httpserver"),
                frameworkProperty(RuntimeProperties.ETC_DIR).value(etc.toString()),
                frameworkProperty(RuntimeProperties.SECRETS_KEY_FILE).value(etc.resolveSibling(etc.getFileName()
                        + ".key").toString())};
    }

    @After
    public void removeTargets() {
        for (String t : added) {
            try {
                configManager.removeTarget(t);
            } catch (IllegalArgumentException e) {
                // removed by the test itself
            }
        }
    }

    private void add(String name, String type, Map<String, String> values) {
        configManager.addTarget(name, type, values);
        added.add(name);
    }

    private Path etc() {
        return Path.of(context.getProperty(RuntimeProperties.ETC_DIR));
    }

    @Test
    public void twoOpenAiTargetsServeAtOnceWithTheirOwnMetricsAndServices() throws Exception {
        awaitState("openai", PluginState.ACTIVE);
        try (LoopbackServer a = new LoopbackServer("/v1/chat/completions", 200, completion("from alpha"));
                LoopbackServer b = new LoopbackServer("/v1/chat/completions", 200, completion("from beta"))) {
            add("alpha", "openai", Map.of("baseUrl", a.baseUrl() + "/v1", "apiKey", ALPHA_KEY,
                    "defaultModel", "gpt-4o-mini"));
            add("beta", "openai", Map.of("baseUrl", b.baseUrl() + "/v1", "apiKey", BETA_KEY,
                    "defaultModel", "gpt-4o-mini"));

            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String target = i % 2 == 0 ? "alpha" : "beta";
                answers.add(pool.submit(() -> target + ":" + factory.getProvider(target)
                        .chat(ChatRequest.builder().user("hi").build()).text()));
            }
            for (Future<String> f : answers) {
                String answer = f.get(30, TimeUnit.SECONDS);
                assertTrue(answer, answer.equals("alpha:from alpha") || answer.equals("beta:from beta"));
            }
            pool.shutdown();

            assertEquals(20, a.requests().size());
            assertEquals(20, b.requests().size());
            assertTrue(a.requests().get(0), a.requests().get(0).contains("Bearer " + ALPHA_KEY));
            assertTrue(b.requests().get(0), b.requests().get(0).contains("Bearer " + BETA_KEY));
            assertEquals(20, factory.getProvider("alpha").usageMetrics().requests());
            assertEquals(20, factory.getProvider("beta").usageMetrics().requests());
            assertEquals("openai", factory.getProvider("alpha").type());

            TargetInfo alpha = factory.target("alpha").orElseThrow();
            assertTrue(alpha.toString(), alpha.available());
            assertEquals("openai", alpha.type());
            assertEquals("etc", alpha.source());
            ServiceReference<?>[] refs = context.getServiceReferences(Provider.class.getName(),
                    "(&(provider.target=beta)(provider.type=openai))");
            assertEquals(1, refs == null ? 0 : refs.length);

            String written = Files.readString(etc().resolve("org.llmrecon.provider-alpha.cfg"));
            assertFalse(written, written.contains(ALPHA_KEY));
            assertTrue(written, written.contains("apiKey = ENC("));
            String history = Files.readString(etc().resolve(".history/alpha.json"));
            assertFalse(history, history.contains(ALPHA_KEY));
        }
    }

    @Test
    public void aTargetAddedChangedAndRemovedWhileCallsRun() throws Exception {
        awaitState("mock", PluginState.ACTIVE);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Thread caller = new Thread(() -> {
            while (running.get()) {
                try {
                    String answer = chat("mock", "steady");
                    if (!answer.equals("Echo: steady")) {
                        failures.add(answer);
                    }
                    calls.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        });
        caller.start();
        try {
            add("second", "mock", Map.of("param.reply", "Two: {prompt}"));
            assertEquals("Two: x", chat("second", "x"));
            configManager.set("second", "param.reply", "Three: {prompt}");
            assertEquals("Three: x", chat("second", "x"));
            configManager.removeTarget("second");
            try {
                factory.getProvider("second").chat(ChatRequest.builder().user("x").build());
                fail("a removed target still answers");
            } catch (ProviderUnavailableException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("second"));
            }
            assertFalse(factory.targets().stream().anyMatch(t -> t.name().equals("second")));
            waitFor(() -> calls.get() > 10, DEADLINE, "the steady caller made calls");
        } finally {
            running.set(false);
            caller.join(30_000);
        }
        assertEquals("calls on the default target failed: " + failures, List.of(), failures);
    }

    @Test
    public void aRefusedValueIsOneLineAndNothingIsStored() throws Exception {
        awaitState("openai", PluginState.ACTIVE);
        add("strict", "openai", Map.of("baseUrl", "http://127.0.0.1:9/v1"));
        Path file = etc().resolve("org.llmrecon.provider-strict.cfg");
        String before = Files.readString(file);
        try {
            configManager.set("strict", "baseUrl", "ftp://127.0.0.1/v1");
            fail("the plugin accepted an ftp base URL");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("target 'strict': "));
            assertFalse(expected.getMessage(), expected.getMessage().contains("\n"));
        }
        assertEquals(before, Files.readString(file));
        assertEquals("http://127.0.0.1:9/v1", configManager.config("strict").baseUrl());
    }

    @Test
    public void aWrongKeyFileIsOneLineNamingItAndNothingIsRewritten() throws Exception {
        awaitState("mock", PluginState.ACTIVE);
        add("keyed", "mock", Map.of("apiKey", ALPHA_KEY));
        Path file = etc().resolve("org.llmrecon.provider-keyed.cfg");
        String before = Files.readString(file);
        Path keyFile = Path.of(context.getProperty(RuntimeProperties.SECRETS_KEY_FILE));
        byte[] key = Files.readAllBytes(keyFile);
        byte[] other = new byte[32];
        other[0] = 1;
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(other) + "\n", StandardCharsets.US_ASCII);
        try {
            try {
                configManager.set("keyed", "param.reply", "x");
                fail("a value was stored beside a key nobody can decrypt");
            } catch (IllegalArgumentException expected) {
                assertEquals("target 'keyed': apiKey: cannot decrypt: the key in " + keyFile
                        + " does not match (another key file, or the value was changed); nothing was changed",
                        expected.getMessage());
            }
            assertEquals(before, Files.readString(file));
            factory.refresh("keyed");
            try {
                factory.getProvider("keyed").chat(ChatRequest.builder().user("x").build());
                fail("a provider was made without its key");
            } catch (ProviderUnavailableException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("cannot decrypt"));
                assertFalse(expected.getMessage(), expected.getMessage().contains(ALPHA_KEY));
            }
        } finally {
            Files.write(keyFile, key);
        }
        factory.refresh("keyed");
        assertEquals("Echo: back", chat("keyed", "back"));
    }

    private static String completion(String text) {
        return "{\"id\":\"chatcmpl-t\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":2,"
                + "\"total_tokens\":4}}";
    }
}
