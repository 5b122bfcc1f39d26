package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.bundleOf;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import com.sun.net.httpserver.HttpServer;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.plugin.ConfigEntry;
import org.llmrecon.api.plugin.ConfigManager;
import org.llmrecon.api.plugin.PluginInfo;
import org.llmrecon.api.plugin.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The project's provider bundles, installed with the runtime, serve real calls. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvidersIT extends TestSupport {

    @Inject
    private ConfigManager configManager;

    @Inject
    private ConfigurationAdmin configAdmin;

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

        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            byte[] answer = CHAT_COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            configManager.set("openai", "baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
            configManager.set("openai", "apiKey", "sk-itest-not-a-real-key");
            configManager.set("openai", "defaultModel", "gpt-4o-mini");

            ChatResponse response = factory.getProvider("openai")
                    .chat(ChatRequest.builder().user("hello loopback").build());

            assertEquals("Hello from the test server", response.text());
            assertEquals(12, response.usage().totalTokens());
            assertEquals("requests the server saw: " + requests, 1, requests.size());
            String request = requests.get(0);
            assertTrue(request, request.startsWith("POST /v1/chat/completions Bearer sk-itest-not-a-real-key "));
            assertTrue(request, request.contains("hello loopback") && request.contains("gpt-4o-mini"));
            ConfigEntry key = configManager.describe("openai").stream().filter(e -> e.key().equals("apiKey"))
                    .findFirst().orElseThrow();
            assertTrue("apiKey is described as secret: " + key, key.secret());
            assertFalse("apiKey shown in clear: " + key.value(), key.value().contains("not-a-real-key"));
        } finally {
            server.stop(0);
            configManager.set("openai", "baseUrl", null);
            configManager.set("openai", "apiKey", null);
            configManager.set("openai", "defaultModel", null);
        }
    }

    private static final String CHAT_COMPLETION = "{\"id\":\"chatcmpl-itest\",\"object\":\"chat.completion\","
            + "\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Hello from the test server\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}";
}
