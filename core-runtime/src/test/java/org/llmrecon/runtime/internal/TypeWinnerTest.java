package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;

class TypeWinnerTest {

    private static PluginCandidate candidate(long serviceId, String name, String version, int ranking,
            PluginState state, boolean legacy) {
        PluginMetadata m = PluginMetadata.builder().name(name).version(version).providerType("echo").build();
        return new PluginCandidate(serviceId, ranking, null, null, m, state, state == PluginState.REJECTED
                ? "bad" : null, legacy);
    }

    @Test
    void theHighestVersionWinsAndTheOthersAreShadowedNamingTheWinner() {
        TypeWinner.Decision d = TypeWinner.decide("echo", List.of(
                candidate(1, "old", "1.0.0", 0, PluginState.PENDING, false),
                candidate(2, "new", "2.0.0", 0, PluginState.PENDING, false)));
        assertEquals("new", d.winner().name());
        assertEquals(PluginState.ACTIVE, d.winner().state());
        assertNull(d.reason());
        assertEquals(List.of(PluginState.ACTIVE, PluginState.SHADOWED),
                d.ranked().stream().map(PluginCandidate::state).toList());
        assertEquals("shadowed by plugin 'new' 2.0.0 for provider type 'echo'", d.ranked().get(1).reason());
    }

    @Test
    void atEqualVersionTheHigherRankingWinsThenTheOlderService() {
        assertEquals("ranked", TypeWinner.decide("echo", List.of(
                candidate(1, "first", "1.0.0", 0, PluginState.PENDING, false),
                candidate(2, "ranked", "1.0.0", 5, PluginState.PENDING, false))).winner().name());
        assertEquals("first", TypeWinner.decide("echo", List.of(
                candidate(3, "second", "1.0.0", 0, PluginState.PENDING, false),
                candidate(1, "first", "1.0.0", 0, PluginState.PENDING, false))).winner().name());
    }

    @Test
    void aLegacyWinnerIsNamedSoInTheShadowedReason() {
        TypeWinner.Decision d = TypeWinner.decide("echo", List.of(
                candidate(1, "adapted", "3.0.0", LegacyRanking.VALUE, PluginState.PENDING, true),
                candidate(2, "modern", "1.0.0", 0, PluginState.PENDING, false)));
        assertEquals("shadowed by legacy plugin 'adapted' 3.0.0 for provider type 'echo'",
                d.ranked().get(1).reason());
    }

    @Test
    void invalidCandidatesNeverWinAndTheReasonNamesTheBestOne() {
        TypeWinner.Decision d = TypeWinner.decide("echo", List.of(
                candidate(1, "broken", "9.0.0", 0, PluginState.REJECTED, false)));
        assertNull(d.winner());
        assertEquals(List.of(), d.ranked());
        assertEquals("plugin 'broken' for provider type 'echo' is rejected: bad", d.reason());
        assertEquals("no plugin offers provider type 'other'", TypeWinner.decide("other", List.of()).reason());
    }

    @Test
    void aMalformedVersionCountsAsTheLowest() {
        assertEquals("plain", TypeWinner.decide("echo", List.of(
                candidate(1, "odd", "not-a-version", 0, PluginState.PENDING, false),
                candidate(2, "plain", "0.0.1", 0, PluginState.PENDING, false))).winner().name());
    }

    /** Adapted legacy plugins rank below a plugin that publishes itself. */
    private static final class LegacyRanking {
        static final int VALUE = -1;
    }
}
