package org.llmrecon.runtime.internal.metadata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;

class ManifestMetadataTest {

    @Test
    void readsEveryHeader() {
        Map<String, String> headers = Map.of(
                "Bundle-SymbolicName", "org.example.mock",
                "Bundle-Name", "Mock Provider",
                "Bundle-Version", "1.2.3.SNAPSHOT",
                "Bundle-Vendor", "Example Ltd",
                "Bundle-Description", "Deterministic answers",
                ManifestMetadata.PROVIDER_TYPE, "mock",
                ManifestMetadata.MODELS, "mock-small, mock-large",
                ManifestMetadata.MIN_FRAMEWORK_VERSION, "1.0",
                ManifestMetadata.MAX_FRAMEWORK_VERSION, "1.9.9",
                ManifestMetadata.TAGS, "offline,test");
        assertEquals(PluginMetadata.builder().name("Mock Provider").version("1.2.3.SNAPSHOT").author("Example Ltd")
                .description("Deterministic answers").providerType("mock").supportedModels(List.of("mock-small", "mock-large"))
                .minFrameworkVersion("1.0").maxFrameworkVersion("1.9.9").tags(List.of("offline", "test")).build(),
                ManifestMetadata.read(headers));
    }

    @Test
    void absentHeadersGiveNullFieldsAndEmptyLists() {
        assertEquals(PluginMetadata.EMPTY, ManifestMetadata.read(Map.of("Bundle-SymbolicName", "x", "Manifest-Version", "1.0")));
    }

    @Test
    void blankHeadersAreAbsentAndValuesAreTrimmed() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Bundle-Name", "   ");
        headers.put(ManifestMetadata.PROVIDER_TYPE, "  mock ");
        headers.put(ManifestMetadata.MODELS, " a ,, b ,");
        headers.put(ManifestMetadata.TAGS, " , ");
        headers.put("Bundle-Vendor", null);
        PluginMetadata m = ManifestMetadata.read(headers);
        assertEquals(null, m.name());
        assertEquals(null, m.author());
        assertEquals("mock", m.providerType());
        assertEquals(List.of("a", "b"), m.supportedModels());
        assertEquals(List.of(), m.tags());
    }

    @Test
    void headerNamesIgnoreCase() {
        PluginMetadata m = ManifestMetadata.read(Map.of("llmrecon-provider-type", "mock", "BUNDLE-NAME", "Mock"));
        assertEquals("mock", m.providerType());
        assertEquals("Mock", m.name());
    }

    @Test
    void readsBundleHeadersAsADictionary() {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put("Bundle-Name", "Mock");
        headers.put("LLMrecon-TAGS", "a,b");
        PluginMetadata m = ManifestMetadata.read((Dictionary<String, String>) headers);
        assertEquals("Mock", m.name());
        assertEquals(List.of("a", "b"), m.tags());
    }

    @Test
    void readsAJarManifest() throws IOException {
        String text = """
                Manifest-Version: 1.0
                Bundle-ManifestVersion: 2
                Bundle-Name: OpenAI-compatible provider
                Bundle-Version: 1.0.0
                LLMrecon-Provider-Type: openai
                LLMrecon-Models: gpt-4o,gpt-4o-mini
                LLMrecon-Min-Framework-Version: 1.0.0
                LLMrecon-Tags: http

                """;
        Manifest manifest = new Manifest(new ByteArrayInputStream(text.getBytes(UTF_8)));
        PluginMetadata m = ManifestMetadata.read(manifest);
        assertEquals("OpenAI-compatible provider", m.name());
        assertEquals("1.0.0", m.version());
        assertEquals("openai", m.providerType());
        assertEquals(List.of("gpt-4o", "gpt-4o-mini"), m.supportedModels());
        assertEquals("1.0.0", m.minFrameworkVersion());
        assertEquals(null, m.maxFrameworkVersion());
        assertEquals(List.of("http"), m.tags());
    }
}
