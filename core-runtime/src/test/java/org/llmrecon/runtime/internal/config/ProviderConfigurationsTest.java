package org.llmrecon.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.provider.ProviderConfig;

class ProviderConfigurationsTest {
    private static final String KEY = "sk-test-SECRET-1234567890";

    @TempDir
    Path dir;

    private Path json(String content) throws IOException {
        Path f = dir.resolve("providers.json");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void precedenceIsApiThenEnvThenEtcThenJson() throws IOException {
        Path file = json("{\"azure-openai\": {\"baseUrl\": \"http://json\", \"orgId\": \"json-org\","
                + " \"defaultModel\": \"json-model\", \"timeout\": \"5s\", \"retry\": {\"maxRetries\": 7}}}");
        ProviderConfigurations c = new ProviderConfigurations(Map.of(
                "LLM_RED_TEAM_AZURE_OPENAI_BASEURL", "http://env",
                "LLM_RED_TEAM_AZURE_OPENAI_ORGID", "env-org",
                "LLM_RED_TEAM_AZURE_OPENAI_APIKEY", KEY), file);
        c.bindSettings(new ProviderSettings(Map.of("type", "azure-openai", "baseUrl", "http://etc",
                "defaultModel", "etc-model")));
        c.set("azure-openai", "baseUrl", "http://api");

        ProviderConfig cfg = c.config("azure-openai");
        assertEquals("http://api", cfg.baseUrl());
        assertEquals("env-org", cfg.orgId());
        assertEquals("etc-model", cfg.defaultModel());
        assertEquals(Duration.ofSeconds(5), cfg.timeout());
        assertEquals(7, cfg.retry().maxRetries());
        assertEquals(KEY, cfg.apiKey().reveal());
        assertEquals(Set.of("azure-openai"), c.configuredTypes());

        Map<String, String> sources = new java.util.HashMap<>();
        c.describe("azure-openai").forEach(e -> sources.put(e.key(), e.source()));
        assertEquals(Map.of("baseUrl", "api", "orgId", "env", "apiKey", "env", "defaultModel", "etc",
                "timeout", "json", "retry.maxRetries", "json"), sources);
    }

    @Test
    void secretsAreMaskedEverywhere() {
        ProviderConfigurations c = new ProviderConfigurations(Map.of("LLM_RED_TEAM_OPENAI_APIKEY", KEY), null);
        c.set("openai", "header.Authorization", "Bearer " + KEY);
        List<ConfigEntry> entries = c.describe("openai");
        assertTrue(entries.stream().allMatch(ConfigEntry::secret));
        assertFalse(entries.toString().contains(KEY));
        assertFalse(c.config("openai").toString().contains(KEY));
        assertFalse(c.config("openai").toString().contains("Bearer"));
    }

    @Test
    void badValuesAreRejectedWithOneLineNamingTheKey() {
        ProviderConfigurations c = new ProviderConfigurations(Map.of(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.set("openai", "timeout", "soon"));
        assertEquals("timeout: not a duration: 'soon' (use e.g. 500ms, 30s, 2m or PT30S)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.set("openai", "apiKy", "x"));
        assertTrue(e.getMessage().startsWith("unknown configuration key 'apiKy'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.set("openai", "retry.maxRetries", "-1"));
        assertEquals("retry.maxRetries must be at least 0, not '-1'", e.getMessage());
        assertEquals(List.of(), c.describe("openai"));
    }

    @Test
    void pricingKeysReachTheProviderAsParametersAndMustBePrices() throws IOException {
        Path file = json("{\"anthropic\": {\"pricing\": {\"claude-x-1.5\": {\"input\": 3, \"output\": 15.5}}}}");
        ProviderConfigurations c = new ProviderConfigurations(Map.of(), file);
        c.set("anthropic", "pricing.claude-y.input", "0.25");
        assertEquals(Map.of("pricing.claude-x-1.5.input", "3", "pricing.claude-x-1.5.output", "15.5",
                "pricing.claude-y.input", "0.25"), c.config("anthropic").additionalParams());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.set("anthropic", "pricing.claude-y.output", "free"));
        assertEquals("pricing.claude-y.output must be a price per million tokens (a number, 0 or more), not 'free'",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.set("anthropic", "pricing.claude-y.cached", "1"));
        assertTrue(e.getMessage().startsWith("unknown configuration key 'pricing.claude-y.cached'"), e.getMessage());
    }

    @Test
    void aBrokenJsonFileKeepsTheLastGoodValuesAndSaysWhy() throws IOException {
        Path file = json("{\"openai\": {\"baseUrl\": \"http://good\"}}");
        ProviderConfigurations c = new ProviderConfigurations(Map.of(), file);
        assertEquals("http://good", c.config("openai").baseUrl());
        Files.writeString(file, "{\"openai\": {\"baseUrl\": ");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals("http://good", c.config("openai").baseUrl());
        assertTrue(c.jsonProblem().startsWith(file + ": line 1: malformed JSON"), c.jsonProblem());
    }

    @Test
    void aJsonFileWithAnUnquotedKeyIsReportedWithoutIt() throws IOException {
        // a parser reads an unquoted word up to a separator: a key of letters and digits is one token
        Path file = json("{\"openai\": {\"apiKey\": skLIVEsecret0123456789}}");
        ProviderConfigurations c = new ProviderConfigurations(Map.of(), file);
        assertTrue(c.jsonProblem().startsWith(file + ": line 1: malformed JSON: Unrecognized token"), c.jsonProblem());
        assertFalse(c.jsonProblem().contains("secret0123"), c.jsonProblem());
    }

    @Test
    void listenersHearChangesOfTheirType() {
        ProviderConfigurations c = new ProviderConfigurations(Map.of(), null);
        List<String> heard = new ArrayList<>();
        c.addListener(heard::add);
        c.set("mock", "param.latency", "10ms");
        c.bindSettings(new ProviderSettings(Map.of("felix.fileinstall.filename",
                "file:/etc/org.llmrecon.provider-openai.cfg", "apiKey", KEY)));
        assertEquals(List.of("mock", "openai"), heard);
        assertEquals(KEY, c.config("openai").apiKey().reveal());
        assertEquals("10ms", c.config("mock").additionalParams().get("latency"));
    }

    @Test
    void resilienceSettingsComeFromTheSameKeys() {
        ProviderConfigurations c = new ProviderConfigurations(Map.of("LLM_RED_TEAM_MOCK_MAXCONCURRENTREQUESTS", "3",
                "LLM_RED_TEAM_MOCK_RESILIENCEENABLED", "false"), null);
        c.set("mock", "circuit.openDelay", "500ms");
        var r = c.resilience("mock");
        assertFalse(r.enabled());
        assertEquals(3, r.rateLimit().maxConcurrentRequests());
        assertEquals(Duration.ofMillis(500), r.circuitOpenDelay());
    }
}
