package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.ProviderConfig;

class ProviderSettingsTest {
    private static final String KEY = OpenAiProviderTest.KEY;
    private final OpenAiPlugin plugin = new OpenAiPlugin("1.0.0");

    private static ProviderConfig.Builder config() {
        return ProviderConfig.builder("openai").apiKey(KEY);
    }

    private String rejected(ProviderConfig config) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> plugin.validateConfig(config));
        assertFalse(e.getMessage().contains(KEY));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("openai: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsToOpenAi() {
        ProviderSettings settings = ProviderSettings.from(config().build());
        assertEquals("https://api.openai.com/v1/chat/completions", settings.resolve("/chat/completions").toString());
        assertTrue(settings.https());
    }

    @Test
    void pathsGoUnderTheBaseUrlWithoutItsTrailingSlashesAndKeepItsQuery() {
        ProviderSettings settings = ProviderSettings.from(config().baseUrl("https://h.test/proxy/v1//?tenant=a%20b").build());
        assertEquals("https://h.test/proxy/v1/chat/completions?tenant=a%20b", settings.resolve("/chat/completions").toString());
        assertEquals("https://h.test/models", ProviderSettings.from(config().baseUrl("https://h.test/").build())
                .resolve("/models").toString());
        assertEquals("https://h.test:8443/models", ProviderSettings.from(config().baseUrl("https://h.test:8443").build())
                .resolve("/models").toString());
    }

    @Test
    void theRouteKeepsTheUrisOfAFewPathsOnly() {
        OpenAiRoute route = new OpenAiRoute(ProviderSettings.from(config().baseUrl("https://h.test/v1").build()));
        assertSame(route.uri("/chat/completions", "m"), route.uri("/chat/completions", "other"));
        for (int i = 0; i < OpenAiRoute.KEPT * 2; i++) {
            assertEquals("https://h.test/v1/models/m" + i, route.uri("/models/m" + i, null).toString());
        }
        URI late = route.uri("/models/late", null);
        assertNotSame(late, route.uri("/models/late", null));
        assertEquals(late, route.uri("/models/late", null));
    }

    @Test
    void missingKeyIsRejectedForRemoteServers() {
        assertEquals("openai: apiKey is missing (only a loopback baseUrl may go without one)",
                rejected(ProviderConfig.builder("openai").build()));
        rejected(ProviderConfig.builder("openai").baseUrl("http://10.0.0.5:8000/v1").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://127.9.9.9/v1", "http://[::1]:8080/v1"})
    void loopbackServerMayGoWithoutKey(String url) {
        assertDoesNotThrow(() -> plugin.validateConfig(ProviderConfig.builder("openai").baseUrl(url).build()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.org/v1|must start with http:// or https://",
            "api.openai.com/v1|must start with http:// or https://",
            "http:///v1|has no host",
            "https://user:pw@example.org/v1|must not carry credentials",
            "http://exa mple.org|not a valid URL",
            "https://example.org/v1#x|fragment"})
    void malformedBaseUrlIsRejected(String url, String reason) {
        String message = rejected(config().baseUrl(url).build());
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains("pw"), message);
    }

    @Test
    void otherFieldsAreChecked() {
        assertTrue(rejected(config().timeout(Duration.ZERO).build()).contains("timeout must be positive"));
        assertTrue(rejected(config().header("Host", "x").build()).contains("header 'Host' cannot be configured"));
        assertTrue(rejected(config().header("X-A", "a\nb").build()).contains("line breaks"));
        assertTrue(rejected(config().orgId("org\r\nX-Evil: 1").build()).contains("orgId"));
        assertTrue(rejected(ProviderConfig.builder("openai").apiKey(KEY + "\n").build()).contains("apiKey contains"));
        assertTrue(rejected(ProviderConfig.builder("openai").apiKey("sk-with space").build()).contains("apiKey contains"));
        assertTrue(rejected(config().param("stream", "true").build()).contains("param 'stream'"));
        assertTrue(rejected(config().param("chat.messages", "[]").build()).contains("param 'chat.messages'"));
        assertTrue(rejected(ProviderConfig.builder("anthropic").apiKey(KEY).build()).contains("expected 'openai'"));
        assertDoesNotThrow(() -> plugin.validateConfig(config().header("Authorization", "Basic x")
                .param("stream_options", "{\"include_usage\":true}").build()));
    }

    @Test
    void createProviderValidatesToo() {
        assertThrows(InvalidConfigException.class, () -> plugin.createProvider(ProviderConfig.builder("openai").build()));
    }
}
