package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.provider.ServerException;

import dev.failsafe.FailsafeException;

class CallGuardRetryTest {

    private final CallGuard guard = new CallGuard("mock",
            ResilienceSettings.defaults().withRetry(ScriptedCall.FAST_RETRY).withCircuit(0, Duration.ZERO));

    @Test
    void retriesRetryableFailuresThenSucceeds() {
        ScriptedCall call = new ScriptedCall(new ServerException("boom", 503, null),
                new ProviderTimeoutException("slow", null), "ok");

        assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        assertEquals(3, call.invocations());
        assertEquals(2, guard.metrics().retries());
        assertEquals(0, guard.metrics().errors());
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastFailure() {
        ServerException last = new ServerException("still down", 502, null);
        ScriptedCall call = new ScriptedCall(new ServerException("down", 500, null), last);

        assertSame(last, assertThrows(ServerException.class, () -> guard.call("m", call, ScriptedCall::tokens)));
        assertEquals(4, call.invocations());
        assertEquals(3, guard.metrics().retries());
        assertEquals(1, guard.metrics().errors());
    }

    @Test
    void doesNotRetryNonRetryableFailures() {
        InvalidRequestException bad = new InvalidRequestException("bad temperature", 400, "temperature", null);
        ScriptedCall call = new ScriptedCall(bad, "ok");

        assertSame(bad, assertThrows(InvalidRequestException.class, () -> guard.call("m", call, ScriptedCall::tokens)));
        assertEquals(1, call.invocations());
    }

    @Test
    void retriesAConfiguredStatusEvenWhenTheProviderSaysNotRetryable() {
        guard.update(s -> s.withRetry(new RetryConfig(2, Duration.ofMillis(1), Duration.ofMillis(2), 2.0, Set.of(409))));
        ProviderException conflict = new ProviderException("conflict", 409, null, null, null, false, null, null);
        ScriptedCall call = new ScriptedCall(conflict, "ok");

        assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        assertEquals(2, call.invocations());
    }

    @Test
    void waitsAtLeastTheRetryAfterTheServerAskedFor() {
        Duration retryAfter = Duration.ofMillis(300);
        ScriptedCall call = new ScriptedCall(new RateLimitException("slow down", retryAfter, null), "ok");

        assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        assertEquals(2, call.invocations());
        assertTrue(call.gapNanos(0, 1) >= retryAfter.toNanos(), "retried after " + call.gapNanos(0, 1) + " ns");
    }

    @Test
    void doesNotRetryWhenRetryAfterExceedsMaxWait() {
        guard.update(s -> s.withMaxWait(Duration.ofMillis(100)));
        RateLimitException limited = new RateLimitException("slow down", Duration.ofMinutes(5), null);
        ScriptedCall call = new ScriptedCall(limited, "ok");

        assertSame(limited, assertThrows(RateLimitException.class, () -> guard.call("m", call, ScriptedCall::tokens)));
        assertEquals(1, call.invocations());
    }

    @Test
    void streamIsNotRetriedOnceAChunkWasHandedOut() {
        AtomicBoolean started = new AtomicBoolean();
        ServerException midStream = new ServerException("connection reset", 502, null);
        ScriptedCall call = new ScriptedCall(midStream, "ok");

        assertSame(midStream, assertThrows(ServerException.class, () -> guard.callStream("m", () -> {
            started.set(true);
            return call.get();
        }, started::get, ScriptedCall::tokens)));
        assertEquals(1, call.invocations());
    }

    @Test
    void streamIsRetriedWhileNothingWasHandedOut() {
        AtomicBoolean started = new AtomicBoolean();
        ScriptedCall call = new ScriptedCall(new ServerException("unavailable", 503, null), "ok");

        assertEquals("ok", guard.callStream("m", call, started::get, ScriptedCall::tokens));
        assertEquals(2, call.invocations());
    }

    @Test
    void otherRuntimeExceptionsPassThroughUnchangedAndCountAsErrors() {
        IllegalStateException bug = new IllegalStateException("plugin bug");
        ScriptedCall call = new ScriptedCall(bug, "ok");

        assertSame(bug, assertThrows(IllegalStateException.class, () -> guard.call("m", call, ScriptedCall::tokens)));
        assertEquals(1, call.invocations());
        assertEquals(1, guard.metrics().errors());
    }

    @Test
    void failsafeExceptionsOfTheProviderItselfPassThroughUnchanged() {
        FailsafeException own = new FailsafeException(new IOException("plugin's own failsafe"));
        ScriptedCall call = new ScriptedCall(own);

        assertSame(own, assertThrows(FailsafeException.class, () -> guard.call("m", call, ScriptedCall::tokens)));
    }

    @Test
    void checkedExceptionsBecomeProviderExceptionsWithTheCause() {
        IOException io = new IOException("socket closed");
        ScriptedCall call = new ScriptedCall(io);

        ProviderException e = assertThrows(ProviderException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        assertSame(io, e.getCause());
        assertTrue(e.getMessage().contains("'mock'"), e.getMessage());
        assertInstanceOf(ProviderException.class, e);
    }

    @Test
    void interruptionDuringTheBackoffEndsTheCallAndKeepsTheFlag() {
        ScriptedCall call = new ScriptedCall(new ServerException("down", 503, null), "ok");
        Thread.currentThread().interrupt();
        try {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> guard.call("m", call, ScriptedCall::tokens));
            assertTrue(e.getMessage().startsWith("interrupted while calling provider 'mock'"), e.getMessage());
            assertInstanceOf(InterruptedException.class, e.getCause());
        } finally {
            assertTrue(Thread.interrupted(), "interrupt flag kept");
        }
        assertEquals(1, call.invocations());
    }
}
