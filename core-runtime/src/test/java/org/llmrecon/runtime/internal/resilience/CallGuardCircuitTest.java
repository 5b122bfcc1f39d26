package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.provider.ServerException;

class CallGuardCircuitTest {

    private static CallGuard guard(int threshold, Duration openDelay) {
        return new CallGuard("mock",
                ResilienceSettings.defaults().withRetry(RetryConfig.NONE).withCircuit(threshold, openDelay));
    }

    @Test
    void opensAfterThresholdFailuresAndFailsFast() {
        CallGuard guard = guard(3, Duration.ofMinutes(5));
        ServerException down = new ServerException("down", 500, null);
        ScriptedCall call = new ScriptedCall(down);
        for (int i = 0; i < 3; i++) {
            assertEquals("closed", guard.circuitState());
            assertThrows(ServerException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        }
        assertEquals("open", guard.circuitState());

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> guard.call("m", call, ScriptedCall::tokens));
        assertEquals(3, call.invocations());
        assertTrue(e.getMessage().startsWith("circuit open for provider 'mock'"), e.getMessage());
        assertEquals(4, guard.metrics().errors());
    }

    @Test
    void halfOpensAfterTheDelayAndClosesOrReopensOnTheTrialCall() {
        CallGuard guard = guard(2, Duration.ofSeconds(1));
        ScriptedCall call = new ScriptedCall(new ServerException("down", 503, null),
                new ServerException("down", 503, null), new ServerException("still down", 503, null), "ok");
        for (int i = 0; i < 2; i++) {
            assertThrows(ServerException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        }
        ScriptedCall.await(() -> guard.circuitState().equals("half-open"), Duration.ofSeconds(30), "half-open");

        assertThrows(ServerException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        assertEquals("open", guard.circuitState());
        ScriptedCall.await(() -> guard.circuitState().equals("half-open"), Duration.ofSeconds(30), "half-open");

        assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
        assertEquals("closed", guard.circuitState());
        assertEquals(4, call.invocations());
    }

    @Test
    void requestErrorsAndServerThrottlingDoNotCount() {
        CallGuard guard = guard(1, Duration.ofMinutes(5));
        ScriptedCall call = new ScriptedCall(new InvalidRequestException("bad", 400, "messages", null),
                new AuthenticationException("bad key", 401, null), new ModelNotFoundException("no such model", null),
                new RateLimitException("slow down", null, null), new InvalidRequestException("bad", 422, null, null),
                new ProviderUnavailableException("no provider of type 'mock' is loaded"),
                new InvalidConfigException("baseUrl is not a URL"));
        for (int i = 0; i < 7; i++) {
            assertThrows(RuntimeException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        }
        assertEquals("closed", guard.circuitState());
        assertEquals(7, call.invocations());
    }

    @Test
    void serverErrorsTimeoutsLostConnectionsAndMalformedAnswersCount() {
        for (RuntimeException failure : new RuntimeException[] {new ServerException("unavailable", 503, null),
            new ProviderTimeoutException("read timed out", null),
            new ProviderException("connection reset", 0, null, null, null, true, null, null),
            new MalformedResponseException("not JSON", null)}) {
            CallGuard guard = guard(1, Duration.ofMinutes(5));
            assertThrows(RuntimeException.class, () -> guard.call("m", new ScriptedCall(failure), r -> null));
            assertEquals("open", guard.circuitState(), failure.toString());
        }
    }

    @Test
    void unexpectedExceptionsCountAndTheLastFailureIsTheCause() {
        CallGuard guard = guard(2, Duration.ofMinutes(5));
        IllegalStateException bug = new IllegalStateException("plugin bug");
        ScriptedCall call = new ScriptedCall(bug);
        for (int i = 0; i < 2; i++) {
            assertSame(bug, assertThrows(IllegalStateException.class,
                    () -> guard.call("m", call, ScriptedCall::tokens)));
        }
        assertEquals("open", guard.circuitState());
    }

    @Test
    void retriesStopWhenTheCircuitOpens() {
        CallGuard guard = new CallGuard("mock", ResilienceSettings.defaults().withRetry(ScriptedCall.FAST_RETRY)
                .withCircuit(2, Duration.ofMinutes(5)));
        ServerException down = new ServerException("down", 500, null);
        ScriptedCall call = new ScriptedCall(down);

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> guard.call("m", call, ScriptedCall::tokens));
        assertEquals(2, call.invocations());
        assertSame(down, e.getCause());
    }

    @Test
    void resetCircuitClosesIt() {
        CallGuard guard = guard(1, Duration.ofMinutes(5));
        ScriptedCall call = new ScriptedCall(new ServerException("down", 500, null), "ok");
        assertThrows(ServerException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        assertEquals("open", guard.circuitState());

        guard.resetCircuit();
        assertEquals("closed", guard.circuitState());
        assertEquals("ok", guard.call("m", call, ScriptedCall::tokens));
    }

    @Test
    void zeroThresholdMeansNoBreaker() {
        CallGuard guard = guard(0, Duration.ZERO);
        ScriptedCall call = new ScriptedCall(new ServerException("down", 500, null));
        for (int i = 0; i < 20; i++) {
            assertThrows(ServerException.class, () -> guard.call("m", call, ScriptedCall::tokens));
        }
        assertEquals(20, call.invocations());
        assertEquals("closed", guard.circuitState());
    }
}
