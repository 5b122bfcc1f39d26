package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.provider.ServerException;
import org.llmrecon.api.provider.Usage;
import org.llmrecon.api.runtime.UsageMetrics;

class CallGuardMetricsTest {

    private final CallGuard guard = new CallGuard("mock",
            ResilienceSettings.defaults().withRetry(ScriptedCall.FAST_RETRY));

    @Test
    void countsPerModelAndOverall() {
        guard.call("a", new ScriptedCall("ok"), r -> Usage.of(10, 5));
        guard.call("a", new ScriptedCall("ok"), r -> Usage.of(10, 5));
        assertThrows(InvalidRequestException.class, () -> guard.call("a",
                new ScriptedCall(new InvalidRequestException("bad", 400, null, null)), r -> Usage.of(10, 5)));
        guard.call("b", new ScriptedCall(new ServerException("down", 503, null), "ok"), r -> Usage.of(3, 4));
        guard.call(null, new ScriptedCall("ok"), r -> null);

        Map<String, UsageMetrics> byModel = guard.metricsByModel();
        assertEquals(List.of("a", "b", CallGuard.DEFAULT_MODEL), List.copyOf(byModel.keySet()));
        UsageMetrics a = byModel.get("a");
        assertEquals(List.of(3L, 1L, 0L, 20L, 10L),
                List.of(a.requests(), a.errors(), a.retries(), a.promptTokens(), a.completionTokens()));
        UsageMetrics b = byModel.get("b");
        assertEquals(List.of(1L, 0L, 1L, 3L, 4L),
                List.of(b.requests(), b.errors(), b.retries(), b.promptTokens(), b.completionTokens()));
        UsageMetrics all = guard.metrics();
        assertEquals(List.of(5L, 1L, 1L, 23L, 14L),
                List.of(all.requests(), all.errors(), all.retries(), all.promptTokens(), all.completionTokens()));
        // b slept at least 1 ms before its retry; the histogram reports a bucket's middle, within 3 %.
        assertTrue(b.latencyP50().compareTo(Duration.ofMillis(1).multipliedBy(97).dividedBy(100)) >= 0,
                "b waited for a retry: " + b.latencyP50());
        assertTrue(all.latencyP50().compareTo(all.latencyP95()) <= 0
                && all.latencyP95().compareTo(all.latencyP99()) <= 0, all.toString());
    }

    @Test
    void resetSetsEverythingBackToZero() {
        guard.call("a", new ScriptedCall("ok"), r -> Usage.of(10, 5));
        guard.resetMetrics();

        assertEquals(UsageMetrics.EMPTY, guard.metrics());
        assertTrue(guard.metricsByModel().isEmpty());
    }

    @Test
    void modelNamesBeyondTheBoundAreCountedTogether() {
        for (int i = 0; i < CallGuard.MAX_MODELS + 10; i++) {
            guard.call("model-" + i, new ScriptedCall("ok"), r -> Usage.NONE);
        }
        Map<String, UsageMetrics> byModel = guard.metricsByModel();
        assertEquals(CallGuard.MAX_MODELS + 1, byModel.size());
        assertEquals(10, byModel.get(CallGuard.OTHER_MODELS).requests());
        assertEquals(CallGuard.MAX_MODELS + 10, guard.metrics().requests());
    }

    @Test
    void updateTakesEffectOnTheNextCall() {
        guard.update(guard.settings().withRetry(RetryConfig.NONE).withRateLimit(new RateLimitConfig(1, 0, 0, 0))
                .withMaxWait(Duration.ZERO));
        ScriptedCall failing = new ScriptedCall(new ServerException("down", 503, null), "ok");
        assertThrows(ServerException.class, () -> guard.call("m", failing, r -> Usage.NONE));
        assertEquals(1, failing.invocations());
        assertThrows(RateLimitException.class, () -> guard.call("m", new ScriptedCall("ok"), r -> Usage.NONE));

        guard.update(s -> s.withRetry(ScriptedCall.FAST_RETRY));
        assertEquals(ScriptedCall.FAST_RETRY, guard.settings().retry());
        // The request limit did not change, so its spent budget carries over.
        assertThrows(RateLimitException.class, () -> guard.call("m", new ScriptedCall("ok"), r -> Usage.NONE));

        guard.update(s -> s.withRateLimit(RateLimitConfig.UNLIMITED));
        ScriptedCall retried = new ScriptedCall(new ServerException("down", 503, null), "ok");
        assertEquals("ok", guard.call("m", retried, r -> Usage.NONE));
        assertEquals(2, retried.invocations());
    }

    @Test
    void disabledAppliesNothingButMetrics() {
        CallGuard disabled = new CallGuard("mock", ResilienceSettings.defaults().withEnabled(false)
                .withRetry(ScriptedCall.FAST_RETRY).withRateLimit(new RateLimitConfig(1, 1, 1, 0))
                .withMaxWait(Duration.ZERO).withCircuit(1, Duration.ofMinutes(5)));
        ServerException down = new ServerException("down", 503, null);
        ScriptedCall call = new ScriptedCall(down, "ok");

        assertEquals(down, assertThrows(ServerException.class, () -> disabled.call("m", call, r -> Usage.of(5, 5))));
        for (int i = 0; i < 3; i++) {
            assertEquals("ok", disabled.call("m", call, r -> Usage.of(5, 5)));
        }
        assertEquals(4, call.invocations());
        assertEquals("closed", disabled.circuitState());
        UsageMetrics metrics = disabled.metrics();
        assertEquals(List.of(4L, 1L, 0L, 15L, 15L), List.of(metrics.requests(), metrics.errors(), metrics.retries(),
                metrics.promptTokens(), metrics.completionTokens()));
    }
}
