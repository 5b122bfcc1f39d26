package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.provider.Usage;

class CallGuardRateLimitTest {

    private static CallGuard guard(RateLimitConfig limits, Duration maxWait) {
        return new CallGuard("mock", ResilienceSettings.defaults().withRetry(RetryConfig.NONE).withRateLimit(limits)
                .withMaxWait(maxWait));
    }

    @Test
    void maxConcurrentRequestsHoldsUnderConcurrency() throws Exception {
        CallGuard guard = guard(new RateLimitConfig(0, 0, 2, 0), Duration.ofSeconds(30));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread thread = new Thread(() -> {
                guard.call("m", () -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        gate.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return "ok";
                }, r -> Usage.NONE);
                done.incrementAndGet();
            });
            threads.add(thread);
            thread.start();
        }
        // All 16 blocked: two on the gate inside the call, fourteen waiting for a permit.
        ScriptedCall.await(() -> inFlight.get() == 2 && threads.stream().allMatch(
                t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING),
                Duration.ofSeconds(30), "two calls run and the rest wait");
        gate.countDown();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        assertEquals(16, done.get());
        assertEquals(2, maxInFlight.get());
        assertEquals(16, guard.metrics().requests());
        assertEquals(0, guard.metrics().errors());
    }

    @Test
    void concurrencyLimitRejectsAfterMaxWait() throws Exception {
        CallGuard guard = guard(new RateLimitConfig(0, 0, 1, 0), Duration.ofMillis(20));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        Thread holder = new Thread(() -> guard.call("m", () -> {
            inside.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "ok";
        }, r -> Usage.NONE));
        holder.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));

        RateLimitException e = assertThrows(RateLimitException.class,
                () -> guard.call("m", new ScriptedCall("ok"), ScriptedCall::tokens));
        gate.countDown();
        holder.join(30_000);
        assertEquals("max_concurrent_requests", e.code());
        assertTrue(e.getMessage().contains("'mock'") && e.getMessage().contains("max concurrent requests"),
                e.getMessage());
    }

    @Test
    void interruptionWhileWaitingForASlotEndsTheCall() throws Exception {
        CallGuard guard = guard(new RateLimitConfig(0, 0, 1, 0), Duration.ofSeconds(30));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        Thread holder = new Thread(() -> guard.call("m", () -> {
            inside.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "ok";
        }, r -> Usage.NONE));
        holder.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        ScriptedCall call = new ScriptedCall("ok");
        Thread.currentThread().interrupt();
        try {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> guard.call("m", call, ScriptedCall::tokens));
            assertTrue(e.getMessage().startsWith("interrupted while calling provider 'mock'"), e.getMessage());
        } finally {
            assertTrue(Thread.interrupted(), "interrupt flag kept");
            gate.countDown();
            holder.join(30_000);
        }
        assertEquals(0, call.invocations());
    }

    @Test
    void requestsPerMinuteRejectsWhenNoPermitComesWithinMaxWait() {
        CallGuard guard = guard(new RateLimitConfig(1, 0, 0, 0), Duration.ofMillis(50));
        ScriptedCall call = new ScriptedCall("ok");

        assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        RateLimitException e = assertThrows(RateLimitException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        assertEquals(1, call.invocations());
        assertEquals("requests_per_minute", e.code());
        assertTrue(e.getMessage().contains("'mock'") && e.getMessage().contains("requests per minute"),
                e.getMessage());
        assertEquals(2, guard.metrics().requests());
        assertEquals(1, guard.metrics().errors());
    }

    @Test
    void requestsPerMinuteSpacesCallsWhenTheyMayWait() {
        CallGuard guard = guard(new RateLimitConfig(600, 0, 0, 0), Duration.ofSeconds(30));
        ScriptedCall call = new ScriptedCall("ok");
        for (int i = 0; i < 4; i++) {
            assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        }
        // 600 per minute is one per 100 ms; permits are aligned to 100 ms slots, so 4 calls span at least 2 slots.
        assertTrue(call.gapNanos(0, 3) >= Duration.ofMillis(190).toNanos(), "4 calls in " + call.gapNanos(0, 3));
    }

    @Test
    void burstAllowsThatManyCallsAtOnce() {
        CallGuard guard = guard(new RateLimitConfig(6, 0, 0, 3), Duration.ZERO);
        ScriptedCall call = new ScriptedCall("ok");
        for (int i = 0; i < 3; i++) {
            assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        }
        assertThrows(RateLimitException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        assertEquals(3, call.invocations());
    }

    @Test
    void tokensPerMinuteBlocksOnceTheBudgetIsSpent() {
        CallGuard guard = guard(new RateLimitConfig(0, 100, 0, 0), Duration.ofMillis(50));
        ScriptedCall call = new ScriptedCall("ok");
        for (int i = 0; i < 3; i++) {
            assertEquals("ok", guard.call("m", call, r -> Usage.of(30, 10)));
        }
        RateLimitException e = assertThrows(RateLimitException.class,
                () -> guard.call("m", call, r -> Usage.of(30, 10)));
        assertEquals(3, call.invocations());
        assertEquals("tokens_per_minute", e.code());
        assertTrue(e.getMessage().contains("tokens per minute (100)"), e.getMessage());
    }

    @Test
    void ownRejectionsDoNotOpenTheCircuit() {
        CallGuard guard = new CallGuard("mock", ResilienceSettings.defaults().withRetry(RetryConfig.NONE)
                .withRateLimit(new RateLimitConfig(1, 0, 0, 0)).withMaxWait(Duration.ZERO)
                .withCircuit(1, Duration.ofMinutes(1)));
        ScriptedCall call = new ScriptedCall("ok");
        guard.call("m", call, ScriptedCall::tokens);
        for (int i = 0; i < 3; i++) {
            assertThrows(RateLimitException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        }
        assertEquals("closed", guard.circuitState());
    }

    @Test
    void zeroMeansUnlimited() {
        CallGuard guard = guard(RateLimitConfig.UNLIMITED, Duration.ZERO);
        ScriptedCall call = new ScriptedCall("ok");
        for (int i = 0; i < 1000; i++) {
            guard.call("m", call, r -> Usage.of(1000, 1000));
        }
        assertEquals(1000, call.invocations());
    }
}
