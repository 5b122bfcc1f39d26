package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.bundleOf;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogReaderService;

/** The project's provider bundles, installed with the runtime, serve real calls. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvidersIT extends TestSupport {

    @Inject
    private ConfigManager configManager;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private LogReaderService logReader;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {bundleOf("provider-template"), bundleOf("provider-openai-sample"),
                // the test's HTTP server is the JDK's, outside the framework
                systemPackage("com.sun.net.httpserver")};
    }

    @Test
    public void mockProviderIsActiveAndChatsOffline() {
        PluginInfo mock = awaitState("mock", PluginState.ACTIVE);
        assertEquals("LLMrecon Mock Provider", mock.name());
        assertNull(mock.reason());
        assertTrue("factory offers mock: " + factory.providerTypes(), factory.providerTypes().contains("mock"));

        ChatResponse response = factory.getProvider("mock").chat(ChatRequest.builder().user("hello there").build());
        assertEquals("Echo: hello there", response.text());
        assertTrue("usage counted: " + response.usage(), response.usage().totalTokens() > 0);
    }

    @Test
    public void mockProviderFollowsConfigurationChanges() {
        awaitState("mock", PluginState.ACTIVE);
        configManager.set("mock", "param.reply", "Configured: {prompt}");
        try {
            assertEquals("Configured: ping", chat("mock", "ping"));
        } finally {
            configManager.set("mock", "param.reply", null);
        }
        assertEquals("Echo: ping", chat("mock", "ping"));
    }

    @Test
    public void configAdminFactoryConfigurationConfiguresTheProvider() throws Exception {
        awaitState("mock", PluginState.ACTIVE);
        assertEquals("Echo: before", chat("mock", "before"));
        Configuration config = configAdmin.createFactoryConfiguration("org.llmrecon.provider", "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("type", "mock");
            properties.put("param.reply", "From Config Admin: {prompt}");
            config.update(properties);

            waitFor(() -> chat("mock", "cm").equals("From Config Admin: cm"), DEADLINE,
                    () -> "mock answers with the configured reply (answers '" + chat("mock", "cm") + "')");
        } finally {
            config.delete();
        }
        waitFor(() -> chat("mock", "after").equals("Echo: after"), DEADLINE,
                () -> "mock answers with the default reply once the configuration is deleted (answers '"
                        + chat("mock", "after") + "')");
    }

    @Test
    public void openAiProviderIsActiveAndTalksToAServerOnLoopback() throws Exception {
        PluginInfo openai = awaitState("openai", PluginState.ACTIVE);
        assertNull(openai.reason());
        assertEquals("openai", openai.providerType());
        assertEquals(PluginState.ACTIVE, awaitState("mock", PluginState.ACTIVE).state());

        try (LoopbackServer server = new LoopbackServer("/v1/chat/completions", 200, CHAT_COMPLETION)) {
            configureOpenAi(server.baseUrl() + "/v1");

            ChatResponse response = factory.getProvider("openai")
                    .chat(ChatRequest.builder().user("hello loopback").build());

            assertEquals("Hello from the test server", response.text());
            assertEquals(12, response.usage().totalTokens());
            assertEquals("requests the server saw: " + server.requests(), 1, server.requests().size());
            String request = server.requests().get(0);
            assertTrue(request, request.startsWith("POST /v1/chat/completions Bearer " + API_KEY + " "));
            assertTrue(request, request.contains("hello loopback") && request.contains("gpt-4o-mini"));
            ConfigEntry key = configManager.describe("openai").stream().filter(e -> e.key().equals("apiKey"))
                    .findFirst().orElseThrow();
            assertTrue("apiKey is described as secret: " + key, key.secret());
            assertFalse("apiKey shown in clear: " + key.value(), key.value().contains(API_KEY));
        } finally {
            unconfigureOpenAi();
        }
    }

    @Test
    public void azureOpenAiIsTheSampleBundlesSecondPluginAndCallsItsDeployment() throws Exception {
        PluginInfo azure = awaitState("azure-openai", PluginState.ACTIVE);
        PluginInfo openai = awaitState("openai", PluginState.ACTIVE);
        assertEquals("Azure OpenAI provider", azure.name());
        assertEquals("OpenAI-compatible provider", openai.name());
        assertEquals("one bundle offers both", openai.bundleId(), azure.bundleId());
        assertTrue(azure.metadata().tags().contains("azure"));

        try (LoopbackServer server = new LoopbackServer("/openai/deployments/prod-mini/chat/completions", 200,
                CHAT_COMPLETION)) {
            configManager.set("azure-openai", "baseUrl", server.baseUrl());
            configManager.set("azure-openai", "apiKey", API_KEY);
            configManager.set("azure-openai", "defaultModel", "gpt-4o-mini");
            configManager.set("azure-openai", "param.deployment.gpt-4o-mini", "prod-mini");

            ChatResponse response = factory.getProvider("azure-openai")
                    .chat(ChatRequest.builder().user("hello azure").build());

            assertEquals("Hello from the test server", response.text());
            String request = server.requests().get(0);
            assertTrue(request, request.startsWith("POST /openai/deployments/prod-mini/chat/completions"
                    + "?api-version=2024-10-21 null " + API_KEY + " "));
            assertTrue(request, request.contains("hello azure") && !request.contains("prod-mini\""));
        } finally {
            for (String key : List.of("baseUrl", "apiKey", "defaultModel", "param.deployment.gpt-4o-mini")) {
                configManager.set("azure-openai", key, null);
            }
        }
    }

    @Test
    public void rejectedKeyIsReportedWithoutTheKey() throws Exception {
        awaitState("openai", PluginState.ACTIVE);
        String echoesKey = "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY
                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
        try (LoopbackServer server = new LoopbackServer("/v1/chat/completions", 401, echoesKey)) {
            configureOpenAi(server.baseUrl() + "/v1");
            try {
                factory.getProvider("openai").chat(ChatRequest.builder().user("who am I").build());
                fail("a 401 answer was taken for a chat response");
            } catch (AuthenticationException expected) {
                assertFalse("the exception repeats the key: " + expected.getMessage(),
                        expected.getMessage().contains(API_KEY) || String.valueOf(expected).contains(API_KEY));
            }
            assertFalse("the plugin list shows the key", describePlugins().contains(API_KEY));
            List<String> logged = Collections.list(logReader.getLog()).stream().map(e -> e.getMessage()
                    + " " + e.getException()).filter(m -> m.contains(API_KEY)).collect(Collectors.toList());
            assertTrue("the log shows the key: " + logged, logged.isEmpty());
        } finally {
            unconfigureOpenAi();
        }
    }

    private void configureOpenAi(String baseUrl) {
        configManager.set("openai", "baseUrl", baseUrl);
        configManager.set("openai", "apiKey", API_KEY);
        configManager.set("openai", "defaultModel", "gpt-4o-mini");
    }

    private void unconfigureOpenAi() {
        configManager.set("openai", "baseUrl", null);
        configManager.set("openai", "apiKey", null);
        configManager.set("openai", "defaultModel", null);
    }

    private static final String API_KEY = "sk-itest-0123456789abcdefNOTREAL";

    private static final String CHAT_COMPLETION = "{\"id\":\"chatcmpl-itest\",\"object\":\"chat.completion\","
            + "\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Hello from the test server\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}";
}
