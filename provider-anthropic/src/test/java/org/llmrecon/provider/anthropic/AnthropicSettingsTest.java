package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.ProviderConfig;

class AnthropicSettingsTest {
    private static ProviderConfig.Builder config() {
        return ProviderConfig.builder("claude-redteam").apiKey(Anthropics.KEY);
    }

    @Test
    void defaults() {
        AnthropicSettings s = AnthropicSettings.from(config().timeout(Duration.ofSeconds(45)).build());
        assertEquals("https://api.anthropic.com/v1/messages", s.resolve("/v1/messages").toString());
        assertEquals("2023-06-01", s.version());
        assertEquals(4096, s.maxTokens());
        assertEquals(Duration.ofSeconds(45), s.idleTimeout());
        assertEquals(new AnthropicSettings.Limits(16 << 20, 16 << 20, 16 << 20, 16 << 20), s.limits());
        assertEquals("claude-redteam", s.target());
    }

    @Test
    void aBaseUrlEndingInV1IsTheSameServer() {
        assertEquals("http://127.0.0.1:9/v1/models", AnthropicSettings.from(config().baseUrl("http://127.0.0.1:9/v1/")
                .build()).resolve("/v1/models").toString());
    }

    @Test
    void readsItsParameters() {
        AnthropicSettings s = AnthropicSettings.from(config().param("maxTokens", "1024").param("idleTimeout", "2s")
                .param("maxStreamBytes", "64MiB").param("anthropicVersion", "2026-10-21").build());
        assertEquals(1024, s.maxTokens());
        assertEquals(Duration.ofSeconds(2), s.idleTimeout());
        assertEquals(64L << 20, s.limits().stream());
        assertEquals("2026-10-21", s.version());
    }

    @Test
    void badValuesAreOneLineNamingTheKeyAndTheTarget() {
        assertEquals("anthropic target 'claude-redteam': param.maxTokens: 'lots' is not a positive whole number",
                refused(config().param("maxTokens", "lots")));
        assertEquals("anthropic target 'claude-redteam': param.maxLineBytes: '-1' is not a size (a positive number of"
                + " bytes, or with KiB, MiB or GiB)", refused(config().param("maxLineBytes", "-1")));
        assertEquals("anthropic target 'claude-redteam': param.idleTimeout: '0s' is not a positive duration (write"
                + " 500ms, 30s, 2m or ISO-8601 such as PT30S)", refused(config().param("idleTimeout", "0s")));
        assertEquals("anthropic target 'claude-redteam': param.temprature: not an anthropic parameter (known:"
                + " maxTokens, anthropicVersion, idleTimeout, maxResponseBytes, maxLineBytes, maxEventBytes,"
                + " maxStreamBytes, pricing.<model>.input, pricing.<model>.output)",
                refused(config().param("temprature", "secret-value")));
        assertEquals("anthropic target 'claude-redteam': pricing.claude-x.output: missing; a model without a listed"
                + " price needs both input and output", refused(config().param("pricing.claude-x.input", "1")));
        assertEquals("anthropic target 'x': apiKey is missing (only a loopback baseUrl may go without one)",
                refused(ProviderConfig.builder("x")));
        assertEquals("anthropic target 'claude-redteam': baseUrl must be a server root such as"
                + " https://api.anthropic.com (a host, no credentials, query or fragment)",
                refused(config().baseUrl("https://user:pw@example.org")));
        assertEquals("anthropic target 'claude-redteam': header 'X-Api-Key' cannot be configured",
                refused(config().header("X-Api-Key", "other")));
        assertFalse(refused(config().apiKey("bad key\n")).contains("bad key"));
    }

    @Test
    void aLoopbackServerNeedsNoKey() {
        AnthropicSettings.from(ProviderConfig.builder("local").baseUrl("http://127.0.0.1:8080").build());
    }

    private static String refused(ProviderConfig.Builder config) {
        return assertThrows(InvalidConfigException.class, () -> AnthropicSettings.from(config.build())).getMessage();
    }
}
