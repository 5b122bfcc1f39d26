package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.ServerException;
import org.llmrecon.api.provider.Usage;
import org.llmrecon.api.runtime.Cost;
import org.llmrecon.api.runtime.UsageMetrics;

class CallGuardCostTest {
    private static final Pricing THREE_FIFTEEN = Pricing.perMillionTokens(3, 15, "USD");

    private final CallGuard guard = new CallGuard("anthropic",
            ResilienceSettings.defaults().withRetry(ScriptedCall.FAST_RETRY));

    @Test
    void pricedCallsAddUpPerModelAndOverall() {
        guard.call("big", new ScriptedCall("ok"), r -> Usage.of(1000, 100), r -> Optional.of(THREE_FIFTEEN));
        guard.call("big", new ScriptedCall(new ServerException("down", 503, null), "ok"), r -> Usage.of(2000, 0),
                r -> Optional.of(THREE_FIFTEEN));
        guard.call("free", new ScriptedCall("ok"), r -> Usage.of(5, 5), r -> Optional.of(Pricing.perMillionTokens(0, 0,
                "USD")));

        Cost big = guard.metricsByModel().get("big").cost().orElseThrow();
        assertEquals(new Cost(3000 * 3e-6 + 100 * 15e-6, "USD").amount(), big.amount(), 1e-12);
        assertEquals("USD", big.currency());
        assertEquals(Optional.of(new Cost(0, "USD")), guard.metricsByModel().get("free").cost());
        assertEquals(big.amount(), guard.metrics().cost().orElseThrow().amount(), 1e-12);
    }

    @Test
    void aModelWithoutPriceMakesItsCostAndTheTotalUnknownNeverZero() {
        guard.call("big", new ScriptedCall("ok"), r -> Usage.of(1000, 100), r -> Optional.of(THREE_FIFTEEN));
        guard.call("mystery", new ScriptedCall("ok"), r -> Usage.of(1, 1), r -> Optional.empty());
        guard.call("legacy", new ScriptedCall("ok"), r -> Usage.of(1, 1));

        assertTrue(guard.metricsByModel().get("mystery").cost().isEmpty());
        assertTrue(guard.metricsByModel().get("legacy").cost().isEmpty());
        assertTrue(guard.metricsByModel().get("big").cost().isPresent());
        assertTrue(guard.metrics().cost().isEmpty());
    }

    @Test
    void failedCallsCostNothingAndDifferentCurrenciesDoNotAdd() {
        assertThrows(ServerException.class, () -> guard.call("big", new ScriptedCall(
                new ServerException("down", 500, null), new ServerException("down", 500, null),
                new ServerException("down", 500, null), new ServerException("down", 500, null)),
                r -> Usage.of(1, 1), r -> Optional.of(THREE_FIFTEEN)));
        assertEquals(Optional.of(Cost.ZERO), guard.metrics().cost());

        guard.call("euro", new ScriptedCall("ok"), r -> Usage.of(1000, 0),
                r -> Optional.of(Pricing.perMillionTokens(1, 1, "EUR")));
        guard.call("dollar", new ScriptedCall("ok"), r -> Usage.of(1000, 0), r -> Optional.of(THREE_FIFTEEN));
        assertEquals("EUR", guard.metricsByModel().get("euro").cost().orElseThrow().currency());
        assertTrue(guard.metrics().cost().isEmpty());
        guard.resetMetrics();
        assertEquals(UsageMetrics.EMPTY, guard.metrics());
    }
}
