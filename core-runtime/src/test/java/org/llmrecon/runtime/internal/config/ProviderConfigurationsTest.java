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
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.runtime.internal.secrets.SecretBoxes;

class ProviderConfigurationsTest {
    private static final String KEY = "sk-test-SECRET-1234567890";

    @TempDir
    Path dir;

    private Path json(String content) throws IOException {
        Path f = dir.resolve("providers.json");
        Files.writeString(f, content);
        return f;
    }

    private ProviderConfigurations inMemory(Map<String, String> env, Path json) {
        return new ProviderConfigurations(env, json, null, SecretBoxes.in(dir), null);
    }

    @Test
    void precedenceIsApiThenEnvThenEtcThenJson() throws IOException {
        Path file = json("{\"azure-openai\": {\"baseUrl\": \"http://json\", \"orgId\": \"json-org\","
                + " \"defaultModel\": \"json-model\", \"timeout\": \"5s\", \"retry\": {\"maxRetries\": 7}}}");
        ProviderConfigurations c = inMemory(Map.of(
                "LLM_RED_TEAM_AZURE_OPENAI_BASEURL", "http://env",
                "LLM_RED_TEAM_AZURE_OPENAI_ORGID", "env-org",
                "LLM_RED_TEAM_AZURE_OPENAI_API_KEY", KEY), file);
        c.etc("pid1", Map.of("target", "azure-openai", "baseUrl", "http://etc", "defaultModel", "etc-model"));
        c.set("azure-openai", "baseUrl", "http://api");

        ProviderConfig cfg = c.config("azure-openai");
        assertEquals("azure-openai", cfg.type());
        assertEquals("http://api", cfg.baseUrl());
        assertEquals("env-org", cfg.orgId());
        assertEquals("etc-model", cfg.defaultModel());
        assertEquals(Duration.ofSeconds(5), cfg.timeout());
        assertEquals(7, cfg.retry().maxRetries());
        assertEquals(KEY, cfg.apiKey().reveal());
        assertEquals(Set.of("azure-openai"), c.targets());

        Map<String, String> sources = new java.util.HashMap<>();
        c.describe("azure-openai").forEach(e -> sources.put(e.key(), e.source()));
        assertEquals(Map.of("baseUrl", "api", "orgId", "env", "apiKey", "env", "defaultModel", "etc",
                "timeout", "json", "retry.maxRetries", "json"), sources);
    }

    @Test
    void aTargetNamesItsTypeInAnySource() throws IOException {
        Path file = json("{\"corp\": {\"type\": \"openai\", \"baseUrl\": \"http://corp\"}}");
        ProviderConfigurations c = inMemory(Map.of("LLM_RED_TEAM_MY_VLLM_TYPE", "openai",
                "LLM_RED_TEAM_MY_VLLM_BASE_URL", "http://vllm", "LLM_RED_TEAM_MY_VLLM_PARAM_TOP_K", "5",
                "LLM_RED_TEAM_MY_VLLM_HEADER_X_TEAM", "red"), file);
        c.etc("pid2", Map.of("felix.fileinstall.filename", "file:/etc/org.llmrecon.provider-local.cfg",
                "type", "openai", "baseUrl", "http://local"));
        assertEquals(Set.of("corp", "my-vllm", "local"), c.targets());
        assertEquals("openai", c.type("corp"));
        assertEquals("openai", c.type("my-vllm"));
        assertEquals("openai", c.type("local"));
        assertEquals("mock", c.type("mock"));
        ProviderConfig vllm = c.config("my-vllm");
        assertEquals("openai", vllm.type());
        assertEquals("http://vllm", vllm.baseUrl());
        assertEquals("5", vllm.additionalParams().get("top_k"));
        assertEquals("red", vllm.additionalHeaders().get("x-team"));
        assertEquals("http://local", c.config("local").baseUrl());
    }

    @Test
    void secretsAreMaskedEverywhere() {
        ProviderConfigurations c = inMemory(Map.of("LLM_RED_TEAM_OPENAI_APIKEY", KEY), null);
        c.set("openai", "header.Authorization", "Bearer " + KEY);
        List<ConfigEntry> entries = c.describe("openai");
        assertTrue(entries.stream().allMatch(ConfigEntry::secret));
        assertFalse(entries.toString().contains(KEY));
        assertFalse(c.config("openai").toString().contains(KEY));
        assertFalse(c.config("openai").toString().contains("Bearer"));
    }

    @Test
    void badValuesAndNamesAreRejectedWithOneLine() {
        ProviderConfigurations c = inMemory(Map.of(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.set("openai", "timeout", "soon"));
        assertEquals("timeout: not a duration: 'soon' (use e.g. 500ms, 30s, 2m or PT30S)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.set("openai", "apiKy", "x"));
        assertTrue(e.getMessage().startsWith("unknown configuration key 'apiKy'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.set("openai", "retry.maxRetries", "-1"));
        assertEquals("retry.maxRetries must be at least 0, not '-1'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.addTarget("Bad Name", "openai", Map.of()));
        assertTrue(e.getMessage().startsWith("'Bad Name' is not a valid name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.addTarget("history", "openai", Map.of()));
        assertTrue(e.getMessage().contains("word of llm:config"), e.getMessage());
        assertEquals(List.of(), c.describe("openai"));
    }

    @Test
    void thePluginsCheckRefusesAValueAndNothingIsStored() {
        ProviderConfigurations c = inMemory(Map.of(), null);
        c.setCheck((target, config) -> config.baseUrl() != null && config.baseUrl().startsWith("ftp:")
                ? "target '" + target + "': baseUrl must be http or https" : null);
        c.set("openai", "baseUrl", "http://ok");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.set("openai", "baseUrl", "ftp://no"));
        assertEquals("target 'openai': baseUrl must be http or https", e.getMessage());
        assertEquals("http://ok", c.config("openai").baseUrl());
    }

    @Test
    void pricingKeysReachTheProviderAsParametersAndMustBePrices() throws IOException {
        Path file = json("{\"anthropic\": {\"pricing\": {\"claude-x-1.5\": {\"input\": 3, \"output\": 15.5}}}}");
        ProviderConfigurations c = inMemory(Map.of(), file);
        c.set("anthropic", "pricing.claude-y.input", "0.25");
        assertEquals(Map.of("pricing.claude-x-1.5.input", "3", "pricing.claude-x-1.5.output", "15.5",
                "pricing.claude-y.input", "0.25"), c.config("anthropic").additionalParams());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.set("anthropic", "pricing.claude-y.output", "free"));
        assertEquals("pricing.claude-y.output must be a price per million tokens (a number, 0 or more), not 'free'",
                e.getMessage());
    }

    @Test
    void aBrokenJsonFileKeepsTheLastGoodValuesAndSaysWhy() throws IOException {
        Path file = json("{\"openai\": {\"baseUrl\": \"http://good\"}}");
        ProviderConfigurations c = inMemory(Map.of(), file);
        assertEquals("http://good", c.config("openai").baseUrl());
        Files.writeString(file, "{\"openai\": {\"baseUrl\": ");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals("http://good", c.config("openai").baseUrl());
        assertTrue(c.problems().get(0).startsWith(file + ": line 1: malformed JSON"), c.problems().toString());
    }

    @Test
    void aJsonFileWithAnUnquotedKeyIsReportedWithoutIt() throws IOException {
        Path file = json("{\"openai\": {\"apiKey\": skLIVEsecret0123456789}}");
        ProviderConfigurations c = inMemory(Map.of(), file);
        String problem = c.problems().get(0);
        assertTrue(problem.startsWith(file + ": line 1: malformed JSON: Unrecognized token"), problem);
        assertFalse(problem.contains("secret0123"), problem);
    }

    @Test
    void listenersHearChangesOfTheirTarget() {
        ProviderConfigurations c = inMemory(Map.of(), null);
        List<String> heard = new ArrayList<>();
        c.addListener(heard::add);
        c.set("mock", "param.latency", "10ms");
        c.etc("pid3", Map.of("felix.fileinstall.filename", "file:/etc/org.llmrecon.provider-openai.cfg",
                "apiKey", KEY));
        assertEquals(List.of("mock", "openai"), heard);
        assertEquals(KEY, c.config("openai").apiKey().reveal());
        assertEquals("10ms", c.config("mock").additionalParams().get("latency"));
    }

    @Test
    void resilienceSettingsComeFromTheSameKeys() {
        ProviderConfigurations c = inMemory(Map.of("LLM_RED_TEAM_MOCK_MAXCONCURRENTREQUESTS", "3",
                "LLM_RED_TEAM_MOCK_RESILIENCEENABLED", "false"), null);
        c.set("mock", "circuit.openDelay", "500ms");
        var r = c.resilience("mock");
        assertFalse(r.enabled());
        assertEquals(3, r.rateLimit().maxConcurrentRequests());
        assertEquals(Duration.ofMillis(500), r.circuitOpenDelay());
    }
}
