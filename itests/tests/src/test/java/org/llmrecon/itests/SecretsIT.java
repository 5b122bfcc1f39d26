package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.bundleOf;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderException;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LoggerFactory;

/**
 * An API key configured through the API, Config Admin (the etc-style factory
 * configuration) or the JSON file is used, and appears in no log entry (at
 * debug level), no exception (message, toString, stack trace), no plugin
 * listing, no configuration description and no toString, also when the
 * server answers 401 repeating the key and when the mock injects faults.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecretsIT extends TestSupport {
    private static final String API_KEY = "sk-secretsit-api-7Q3xVb9LmN2p";
    private static final String ETC_KEY = "sk-secretsit-etc-4Hd8Kw1ZrT6y";
    private static final String JSON_KEY = "sk-secretsit-json-9Fs2Jc5PqX0u";
    private static final List<String> KEYS = List.of(API_KEY, ETC_KEY, JSON_KEY);

    @Inject
    private ConfigManager configManager;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private LogReaderService logReader;

    @Inject
    private LoggerFactory loggers;

    private final List<LogEntry> logged = new CopyOnWriteArrayList<>();
    private final LogListener listener = logged::add;
    private final List<Runnable> undo = new ArrayList<>();

    @Override
    protected Option[] extraOptions() {
        Path json;
        try {
            json = workFolder("secrets-config").resolve("providers.json");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the configuration folder", e);
        }
        return new Option[] {bundleOf("provider-template"), bundleOf("provider-openai-sample"),
                systemPackage("com.sun.net.httpserver"),
                frameworkProperty("llmrecon.config.json").value(json.toString()),
                // every logger at DEBUG, and Felix Log keeps debug entries too
                frameworkProperty("org.osgi.service.log.admin.loglevel").value("DEBUG"),
                frameworkProperty("org.apache.felix.log.storeDebug").value("true")};
    }

    @Before
    public void captureTheLog() {
        logReader.addLogListener(listener);
        awaitState("openai", PluginState.ACTIVE);
        awaitState("mock", PluginState.ACTIVE);
    }

    @After
    public void undoConfiguration() throws Exception {
        logReader.removeLogListener(listener);
        Collections.reverse(undo);
        undo.forEach(Runnable::run);
        undo.clear();
        Files.deleteIfExists(jsonFile());
        factory.refreshAll();
    }

    @Test
    public void debugEntriesAreCaptured() {
        loggers.getLogger("secretsit").debug("debug entries reach the log");
        waitFor(() -> logged.stream().anyMatch(e -> e.getLogLevel() == LogLevel.DEBUG
                && e.getMessage().equals("debug entries reach the log")), DEADLINE, "a debug entry captured");
    }

    @Test
    public void keySetThroughTheApiIsUsedAndNeverShown() throws Exception {
        try (LoopbackServer server = rejectingServer(API_KEY)) {
            set("openai", "baseUrl", server.baseUrl() + "/v1");
            set("openai", "apiKey", API_KEY);
            set("openai", "defaultModel", "gpt-4o-mini");
            assertRejectedWithoutKey(server, API_KEY);
        }
        assertShownNowhere("openai");
    }

    @Test
    public void keyFromConfigAdminIsUsedAndNeverShown() throws Exception {
        try (LoopbackServer server = rejectingServer(ETC_KEY)) {
            Configuration config = configAdmin.createFactoryConfiguration("org.llmrecon.provider", "?");
            undo.add(() -> {
                try {
                    config.delete();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot delete the test configuration", e);
                }
            });
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("type", "openai");
            properties.put("apiKey", ETC_KEY);
            properties.put("baseUrl", server.baseUrl() + "/v1");
            properties.put("defaultModel", "gpt-4o-mini");
            properties.put("header.X-Api-Key", ETC_KEY);
            config.update(properties);
            // Config Admin delivers the change to the configuration manager, which then pushes it to the factory
            waitFor(() -> configManager.describe("openai").stream().anyMatch(e -> e.key().equals("apiKey")
                    && e.source().equals("etc")) && (server.baseUrl() + "/v1").equals(
                            factory.getProvider("openai").config().baseUrl()), DEADLINE,
                    "the Config Admin key is in effect");
            assertRejectedWithoutKey(server, ETC_KEY);
        }
        assertShownNowhere("openai");
    }

    @Test
    public void keyFromTheJsonFileIsUsedAndNeverShown() throws Exception {
        try (LoopbackServer server = rejectingServer(JSON_KEY)) {
            Files.writeString(jsonFile(), "{\"openai\": {\"apiKey\": \"" + JSON_KEY + "\", \"baseUrl\": \""
                    + server.baseUrl() + "/v1\", \"defaultModel\": \"gpt-4o-mini\"}}", StandardCharsets.UTF_8);
            waitFor(() -> configManager.describe("openai").stream().anyMatch(e -> e.key().equals("apiKey")
                    && e.source().equals("json")), DEADLINE, "the JSON file's key is in effect");
            factory.refresh("openai");
            assertRejectedWithoutKey(server, JSON_KEY);
        }
        assertShownNowhere("openai");
    }

    @Test
    public void malformedJsonFileAroundTheKeyDoesNotRepeatIt() throws Exception {
        // an unquoted key: a JSON parser's message would quote the token
        Files.writeString(jsonFile(), "{\"openai\": {\"apiKey\": " + JSON_KEY + "}}", StandardCharsets.UTF_8);
        assertEquals("mock answers beside a broken JSON file", "Echo: fine", chat("mock", "fine"));
        factory.refresh("openai");
        try {
            factory.getProvider("openai").chat(ChatRequest.builder().user("hi").build());
        } catch (RuntimeException e) {
            assertNoKey("exception " + e.getClass().getSimpleName(), describe(e));
        }
        assertShownNowhere("openai");
    }

    @Test
    public void mockFaultsWithAKeyNeverShowIt() {
        set("mock", "apiKey", API_KEY);
        for (String fault : List.of("status:401", "status:403", "status:500", "rate-limit", "malformed")) {
            set("mock", "param.fault", fault);
            try {
                chat("mock", "fail please");
                fail("fault " + fault + " injected no failure");
            } catch (ProviderException e) {
                assertNoKey("exception for fault " + fault, describe(e));
            }
        }
        try {
            set("mock", "param.fault", "status:999");
            fail("an invalid fault setting was accepted");
        } catch (IllegalArgumentException e) {
            // the plugin refuses it before it is stored, in one line without the key
            assertTrue(e.getMessage(), e.getMessage().startsWith("target 'mock': param.fault: 'status:999'"));
            assertNoKey("refusal of an invalid fault", describe(e));
        }
        assertEquals("status:999 was not stored", "malformed", configManager.config("mock").additionalParams()
                .get("fault"));
        set("mock", "param.fault", null);
        assertEquals("Echo: ok", chat("mock", "ok"));
        assertShownNowhere("mock");
    }

    private void assertRejectedWithoutKey(LoopbackServer server, String key) {
        try {
            factory.getProvider("openai").chat(ChatRequest.builder().user("who am I").build());
            fail("a 401 answer was taken for a chat response");
        } catch (AuthenticationException expected) {
            assertNoKey("the 401 exception", describe(expected));
        }
        assertTrue("the server saw the key: " + server.requests().size() + " requests", server.requests().stream()
                .anyMatch(r -> r.startsWith("POST /v1/chat/completions Bearer " + key + " ")));
        assertNoKey("the openai provider's config", factory.getProvider("openai").config().toString());
    }

    /** No key in the plugin list, the configuration as described and as toString, or any log entry so far. */
    private void assertShownNowhere(String type) {
        assertNoKey("plugins()", pluginManager.plugins().toString());
        assertNoKey("describe(" + type + ")", configManager.describe(type).toString());
        for (ConfigEntry e : configManager.describe(type)) {
            if (e.key().equals("apiKey") || e.key().startsWith("header.")) {
                assertTrue(e.key() + " described as secret: " + e, e.secret());
            }
        }
        try {
            assertNoKey("config(" + type + ")", configManager.config(type).toString());
        } catch (RuntimeException e) {
            assertNoKey("config(" + type + ") failure", describe(e));
        }
        List<String> entries = new ArrayList<>();
        logged.forEach(e -> entries.add(describe(e)));
        Collections.list(logReader.getLog()).forEach(e -> entries.add(describe(e)));
        assertFalse("the log captured nothing", entries.isEmpty());
        entries.forEach(e -> assertNoKey("log entry", e));
    }

    private void set(String type, String key, String value) {
        configManager.set(type, key, value);
        undo.add(() -> configManager.set(type, key, null));
    }

    private Path jsonFile() {
        return Path.of(context.getProperty("llmrecon.config.json"));
    }

    private static LoopbackServer rejectingServer(String key) throws Exception {
        return new LoopbackServer("/v1/chat/completions", 401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + key + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
    }

    private static void assertNoKey(String where, String text) {
        for (String key : KEYS) {
            assertFalse(where + " shows a key: " + text, text.contains(key));
            assertFalse(where + " shows part of a key: " + text, text.contains(key.substring(key.length() - 8)));
        }
    }

    private static String describe(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return t.getMessage() + "\n" + t + "\n" + trace;
    }

    private static String describe(LogEntry e) {
        return e.getLogLevel() + " " + e.getLoggerName() + " " + e.getMessage() + " " + e
                + (e.getException() == null ? "" : "\n" + describe(e.getException()));
    }
}
