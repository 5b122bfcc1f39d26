package org.llmrecon.runtime.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;

class MetadataMergerTest {

    private static final String SIDECAR = "sidecar /p/x.jar.metadata.json";

    @Test
    void theFirstSourceWithAValueWinsFieldByField() {
        PluginMetadata sidecar = PluginMetadata.builder().name("Sidecar Name").providerType("x")
                .maxFrameworkVersion("").build();
        PluginMetadata bundleJson = PluginMetadata.builder().version("2.0.0").description("from json")
                .tags(List.of("json")).build();
        PluginMetadata manifest = PluginMetadata.builder().name("Manifest Name").version("1.0.0.SNAPSHOT")
                .author("Vendor").providerType("x").maxFrameworkVersion("1.5").tags(List.of("manifest"))
                .supportedModels(List.of("m1")).build();
        PluginMetadata service = PluginMetadata.builder().name("Service Name").minFrameworkVersion("1.0")
                .description("from service").supportedModels(List.of("s1", "s2")).build();

        MergedMetadata merged = MetadataMerger.merge(List.of(new MetadataSource(SIDECAR, sidecar),
                new MetadataSource("META-INF/llmrecon/plugin.json", bundleJson),
                new MetadataSource("bundle manifest", manifest), new MetadataSource("getMetadata()", service)));

        assertEquals(PluginMetadata.builder().name("Sidecar Name").version("2.0.0").author("Vendor")
                .description("from json").providerType("x").supportedModels(List.of("m1"))
                .minFrameworkVersion("1.0").maxFrameworkVersion("1.5").tags(List.of("json")).build(), merged.metadata());
        assertFalse(merged.hasConflicts());
    }

    @Test
    void blankStringsAndEmptyListsAreNotValues() {
        PluginMetadata high = PluginMetadata.builder().name("  ").version("").author(null)
                .description("\t").providerType("").supportedModels(List.of())
                .minFrameworkVersion("").maxFrameworkVersion(" ").tags(List.of()).build();
        PluginMetadata low = PluginMetadata.builder().name("N").version("1").author("A")
                .description("D").providerType("t").supportedModels(List.of("m"))
                .minFrameworkVersion("0.1").maxFrameworkVersion("9").tags(List.of("g")).build();
        MergedMetadata merged = MetadataMerger.merge(List.of(new MetadataSource("high", high),
                new MetadataSource("low", low)));
        assertEquals(low, merged.metadata());
        assertEquals(List.of(), merged.conflicts());
    }

    @Test
    void differentProviderTypesAreAConflictNamingBothSourcesAndValues() {
        MergedMetadata merged = MetadataMerger.merge(List.of(
                new MetadataSource(SIDECAR, PluginMetadata.builder().providerType("openai").build()),
                new MetadataSource("bundle manifest", PluginMetadata.builder().providerType("azure-openai").build())));
        assertEquals("openai", merged.metadata().providerType());
        assertEquals(List.of("provider type conflict: sidecar /p/x.jar.metadata.json says 'openai' but bundle manifest"
                + " says 'azure-openai'"), merged.conflicts());
        assertTrue(merged.hasConflicts());
    }

    @Test
    void everyDisagreeingSourceIsReportedAgainstTheWinner() {
        MergedMetadata merged = MetadataMerger.merge(List.of(
                new MetadataSource(SIDECAR, PluginMetadata.EMPTY),
                new MetadataSource("META-INF/llmrecon/plugin.json", PluginMetadata.builder().providerType("a").build()),
                new MetadataSource("bundle manifest", PluginMetadata.builder().providerType("a").build()),
                new MetadataSource("getMetadata()", PluginMetadata.builder().providerType("B\nC").build())));
        assertEquals(List.of("provider type conflict: META-INF/llmrecon/plugin.json says 'a' but getMetadata() says"
                + " 'B\\nC'"), merged.conflicts());
    }

    @Test
    void noSourcesOrNullMetadataGiveEmptyMetadata() {
        assertEquals(new MergedMetadata(PluginMetadata.EMPTY, List.of()), MetadataMerger.merge(List.of()));
        assertEquals(PluginMetadata.EMPTY,
                MetadataMerger.merge(List.of(new MetadataSource("getMetadata()", null))).metadata());
    }
}
