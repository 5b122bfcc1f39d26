package org.llmrecon.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;

class RuntimeValuesTest {

    @Test
    void pluginInfoNeedsANameAndAState() {
        assertEquals("name", assertThrows(NullPointerException.class,
                () -> PluginInfo.builder().state(PluginState.ACTIVE).build()).getMessage());
        assertEquals("state", assertThrows(NullPointerException.class,
                () -> PluginInfo.builder().name("x").build()).getMessage());
    }

    @Test
    void pluginInfoDefaultsAndEquality() {
        PluginInfo p = PluginInfo.builder().name("x").state(PluginState.PENDING).build();
        assertEquals(-1, p.bundleId());
        assertEquals(PluginMetadata.EMPTY, p.metadata());
        assertEquals(p, p.toBuilder().build());
        assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
        assertNotEquals(p, p.toBuilder().legacy(true).build());
    }

    @Test
    void pluginMetadataCopiesItsListsAndRoundTrips() {
        PluginMetadata m = PluginMetadata.builder().name("n").version("1").supportedModels(List.of("a"))
                .tags(null).build();
        assertEquals(List.of(), m.tags());
        assertEquals(m, m.toBuilder().build());
        assertNotEquals(m, m.toBuilder().author("someone").build());
        assertEquals(PluginMetadata.EMPTY, PluginMetadata.builder().build());
    }

    @Test
    void usageMetricsEmptyIsZero() {
        assertEquals(Duration.ZERO, UsageMetrics.EMPTY.latencyP99());
        UsageMetrics m = UsageMetrics.builder().requests(3).latencyP50(Duration.ofMillis(2)).build();
        assertEquals(m, m.toBuilder().build());
        assertNotEquals(m, m.toBuilder().errors(1).build());
        assertEquals(0, m.retries());
    }
}
