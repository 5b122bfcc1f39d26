package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;

/** The metadata sources in the bundle agree; the manifest is the one bnd wrote to target/classes. */
class PluginMetadataTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static Attributes manifest() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    private static List<String> list(String header) {
        return Arrays.stream(header.split(",")).map(String::trim).toList();
    }

    @Test
    void theManifestListsBothTypesAndEachPluginDescribesItself() throws IOException {
        Attributes manifest = manifest();
        assertEquals(List.of("openai", "azure-openai"), list(manifest.getValue("LLMrecon-Provider-Type")));
        String version = manifest.getValue("Bundle-Version");
        PluginMetadata openai = new OpenAiPlugin(version).getMetadata();
        PluginMetadata azure = new AzureOpenAiPlugin(version).getMetadata();
        assertEquals("openai", openai.providerType());
        assertEquals("azure-openai", azure.providerType());
        assertEquals("OpenAI-compatible provider", openai.name());
        assertEquals("Azure OpenAI provider", azure.name());
        for (PluginMetadata metadata : List.of(openai, azure)) {
            assertEquals(manifest.getValue("Bundle-Vendor"), metadata.author());
            assertEquals(manifest.getValue("LLMrecon-Min-Framework-Version"), metadata.minFrameworkVersion());
            assertEquals("", metadata.maxFrameworkVersion());
            assertEquals(version, metadata.version());
            assertFalse(metadata.supportedModels().isEmpty());
            assertTrue(metadata.providerType().matches("[a-z0-9][a-z0-9._-]{0,63}"));
        }
        assertNull(manifest.getValue("LLMrecon-Models"), "models are each plugin's, not the bundle's");
    }

    @Test
    void everySupportedModelIsInTheCatalog() {
        for (String json : List.of(OpenAiPlugin.PLUGIN_JSON, AzureOpenAiPlugin.METADATA_JSON)) {
            for (String model : OpenAiPlugin.readMetadata(json).build().supportedModels()) {
                assertFalse(ModelCatalog.family(model).prefix().isEmpty(), model);
            }
        }
    }

    @Test
    void jtokkitIsEmbeddedNotImported() throws IOException {
        Attributes manifest = manifest();
        assertEquals("org.llmrecon.provider-openai-sample", manifest.getValue("Bundle-SymbolicName"));
        assertFalse(manifest.getValue("Import-Package").contains("com.knuddels"), manifest.getValue("Import-Package"));
        assertEquals(null, manifest.getValue("Export-Package"));
        assertTrue(manifest.getValue("Private-Package").contains("com.knuddels.jtokkit"));
        assertTrue(Files.isRegularFile(CLASSES.resolve("com/knuddels/jtokkit/o200k_base.tiktoken")));
        assertNotNull(manifest.getValue("Service-Component"));
    }
}
