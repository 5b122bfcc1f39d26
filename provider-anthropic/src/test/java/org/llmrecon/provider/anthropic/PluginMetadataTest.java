package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three metadata sources - {@code getMetadata()}, plugin.json and the
 * manifest bnd wrote into target/classes - must say the same thing, or the
 * runtime rejects the plugin for contradicting itself.
 */
class PluginMetadataTest {

    private final PluginMetadata metadata = new AnthropicPlugin().getMetadata();

    @Test
    void metadataIsComplete() {
        assertEquals("anthropic", metadata.providerType());
        assertTrue(metadata.providerType().matches("[a-z0-9][a-z0-9._-]{0,63}"));
        assertEquals(AnthropicModels.KNOWN, metadata.supportedModels());
        assertTrue(List.of(metadata.name(), metadata.version(), metadata.author(), metadata.description(),
                metadata.minFrameworkVersion(), metadata.maxFrameworkVersion()).stream().noneMatch(String::isBlank));
        assertTrue(metadata.version().matches("\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void pluginJsonAgrees() throws IOException {
        JsonNode json;
        try (InputStream in = AnthropicPlugin.class.getResourceAsStream("/META-INF/llmrecon/plugin.json")) {
            json = new ObjectMapper().readTree(in);
        }
        assertEquals(List.of("author", "description", "max_framework_version", "min_framework_version", "name",
                "provider_type", "supported_models", "tags", "version"),
                iterate(json.fieldNames()).stream().sorted().toList());
        PluginMetadata fromJson = PluginMetadata.builder().name(json.get("name").asText())
                .version(json.get("version").asText()).author(json.get("author").asText())
                .description(json.get("description").asText()).providerType(json.get("provider_type").asText())
                .supportedModels(iterate(json.get("supported_models").elements()).stream().map(JsonNode::asText).toList())
                .minFrameworkVersion(json.get("min_framework_version").asText())
                .maxFrameworkVersion(json.get("max_framework_version").asText())
                .tags(iterate(json.get("tags").elements()).stream().map(JsonNode::asText).toList()).build();
        assertEquals(metadata, fromJson);
    }

    @Test
    void manifestAgreesAndExportsNothing() throws Exception {
        Attributes headers = manifest().getMainAttributes();
        assertEquals(metadata.name(), headers.getValue("Bundle-Name"));
        assertEquals(metadata.author(), headers.getValue("Bundle-Vendor"));
        assertEquals(metadata.description(), headers.getValue("Bundle-Description"));
        assertTrue(headers.getValue("Bundle-Version").startsWith(metadata.version() + "."),
                headers.getValue("Bundle-Version"));
        assertEquals(metadata.providerType(), headers.getValue("LLMrecon-Provider-Type"));
        assertEquals(String.join(",", metadata.supportedModels()), headers.getValue("LLMrecon-Models"));
        assertEquals(metadata.minFrameworkVersion(), headers.getValue("LLMrecon-Min-Framework-Version"));
        assertEquals(metadata.maxFrameworkVersion(), headers.getValue("LLMrecon-Max-Framework-Version"));
        assertEquals(String.join(",", metadata.tags()), headers.getValue("LLMrecon-Tags"));
        assertEquals("org.llmrecon.provider-anthropic", headers.getValue("Bundle-SymbolicName"));
        assertNull(headers.getValue("Export-Package"));
        assertTrue(headers.getValue("Import-Package").startsWith("com.fasterxml.jackson.core;version=\"[2.18,3)\","),
                headers.getValue("Import-Package"));
        assertTrue(headers.getValue("Import-Package").endsWith(",org.llmrecon.api.plugin;version=\"[1.0,2)\","
                + "org.llmrecon.api.provider;version=\"[1.0,2)\""), headers.getValue("Import-Package"));
        String component = headers.getValue("Service-Component");
        assertEquals("OSGI-INF/org.llmrecon.provider.anthropic.AnthropicPlugin.xml", component);
        String xml = Files.readString(classes().resolve(component));
        assertTrue(xml.contains("<provide interface=\"org.llmrecon.api.plugin.PluginInterface\"/>"), xml);
    }

    // bnd-process writes the manifest into target/classes before the tests run
    private static Manifest manifest() throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(classes().resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(AnthropicPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static <T> List<T> iterate(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
