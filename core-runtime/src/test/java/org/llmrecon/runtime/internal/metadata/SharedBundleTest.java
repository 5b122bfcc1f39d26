package org.llmrecon.runtime.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;

class SharedBundleTest {
    private static final MetadataSource JSON = new MetadataSource(MetadataSource.BUNDLE_JSON,
            PluginMetadata.builder().name("OpenAI").providerType("openai").tags(List.of("openai")).build());
    private static final MetadataSource MANIFEST = new MetadataSource(MetadataSource.BUNDLE_MANIFEST,
            PluginMetadata.builder().name("Bundle").version("1.2.0").author("Vendor").description("both")
                    .providerType("openai, azure-openai").supportedModels(List.of("gpt-4o")).tags(List.of("b"))
                    .minFrameworkVersion("1.0.0").build());

    private static MetadataSource service(String type, String name) {
        return new MetadataSource(MetadataSource.SERVICE, PluginMetadata.builder().name(name).providerType(type)
                .supportedModels(List.of(type + "-model")).build());
    }

    @Test
    void theManifestListsEveryType() {
        assertEquals(List.of("openai", "azure-openai"), SharedBundle.types(MANIFEST.metadata()));
        assertEquals(List.of(), SharedBundle.types(PluginMetadata.EMPTY));
    }

    @Test
    void eachServiceIsDescribedAsItsOwnPlugin() {
        MergedMetadata azure = MetadataMerger.merge(SharedBundle.narrow(List.of(JSON, MANIFEST,
                service("azure-openai", "Azure")), "azure-openai"));
        assertEquals(PluginMetadata.builder().name("Azure").version("1.2.0").author("Vendor").providerType("azure-openai")
                .supportedModels(List.of("azure-openai-model")).minFrameworkVersion("1.0.0").build(), azure.metadata());
        assertEquals(List.of(), azure.conflicts());

        MergedMetadata openai = MetadataMerger.merge(SharedBundle.narrow(List.of(JSON, MANIFEST,
                service("openai", "ignored")), "openai"));
        assertEquals(PluginMetadata.builder().name("OpenAI").version("1.2.0").author("Vendor").providerType("openai")
                .supportedModels(List.of("openai-model")).minFrameworkVersion("1.0.0").tags(List.of("openai")).build(),
                openai.metadata());
        assertEquals(List.of(), openai.conflicts());
    }

    @Test
    void aJarOnDiskIsCheckedAsThePluginItsJsonNames() {
        MergedMetadata jar = MetadataMerger.merge(SharedBundle.narrow(List.of(JSON, MANIFEST), null));
        assertEquals("openai", jar.metadata().providerType());
        assertEquals("OpenAI", jar.metadata().name());
        assertEquals(List.of(), jar.conflicts());
        MergedMetadata noJson = MetadataMerger.merge(SharedBundle.narrow(List.of(MANIFEST), null));
        assertEquals("openai", noJson.metadata().providerType());
    }

    @Test
    void aServiceOfATypeTheManifestDoesNotListIsAConflict() {
        MergedMetadata other = MetadataMerger.merge(SharedBundle.narrow(List.of(MANIFEST, service("vllm", "V")), "vllm"));
        assertEquals(List.of("provider type conflict: bundle manifest says 'openai, azure-openai' but getMetadata() says"
                + " 'vllm'"), other.conflicts());
    }

    @Test
    void aBundleOfOneTypeIsLeftAlone() {
        List<MetadataSource> sources = List.of(JSON, new MetadataSource(MetadataSource.BUNDLE_MANIFEST,
                PluginMetadata.builder().name("Bundle").providerType("openai").build()), service("azure-openai", "A"));
        assertSame(sources, SharedBundle.narrow(sources, "azure-openai"));
        assertEquals(List.of("provider type conflict: META-INF/llmrecon/plugin.json says 'openai' but getMetadata()"
                + " says 'azure-openai'"), MetadataMerger.merge(sources).conflicts());
    }
}
