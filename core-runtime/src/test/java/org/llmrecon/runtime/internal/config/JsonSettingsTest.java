package org.llmrecon.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfTypesFlattensNestedKeys() throws IOException {
        Path f = Files.writeString(dir.resolve("providers.json"), """
                {"openai": {"apiKey": "k", "retry": {"maxRetries": 2, "retryableStatusCodes": [429, 503]}},
                 "mock": {"timeout": "5s", "param": {"seed": 7}, "orgId": null}}""");
        assertEquals(Map.of("openai", Map.of("apiKey", "k", "retry.maxRetries", "2", "retry.retryableStatusCodes",
                "429,503"), "mock", Map.of("timeout", "5s", "param.seed", "7")), JsonSettings.read(f.toFile()));
    }

    @Test
    void aTypeFileHoldsOneTypesSettings() throws IOException {
        Path f = Files.writeString(dir.resolve("org.llmrecon.provider-openai.json"), "{\"baseUrl\": \"http://x\"}");
        assertEquals(Map.of("openai", Map.of("baseUrl", "http://x")), JsonSettings.read(f.toFile()));
    }

    @Test
    void valuesReadAsJacksonsTreeModelReadsThem() throws IOException {
        Path f = Files.writeString(dir.resolve("org.llmrecon.provider-x.json"), """
                {"a": 1.50, "b": 10000000000, "c": true, "d": [1, null, "x", {"y": 1}, [2]], "e": "first",
                 "e": "last", "f": {}, "g": [], "h": 1e3, "i": null} trailing text""");
        assertEquals(Map.of("x", Map.of("a", "1.5", "b", "10000000000", "c", "true", "d", "1,null,x,,", "e", "last",
                "g", "", "h", "1000.0")), JsonSettings.read(f.toFile()));
    }

    @Test
    void brokenFilesAreOneLineNamingTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\"openai\": {\"apiKey\": }");
        IOException e = assertThrows(IOException.class, () -> JsonSettings.read(f.toFile()));
        assertTrue(e.getMessage().startsWith(f + ": line 1: malformed JSON"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        Path g = Files.writeString(dir.resolve("list.json"), "[1]");
        assertEquals(g + ": the top level must be a JSON object",
                assertThrows(IOException.class, () -> JsonSettings.read(g.toFile())).getMessage());
        Path h = Files.writeString(dir.resolve("flat.json"), "{\"openai\": 3}");
        assertEquals(h + ": 'openai' must be an object of settings",
                assertThrows(IOException.class, () -> JsonSettings.read(h.toFile())).getMessage());
    }
}
