package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;

class ResilienceSettingsTest {

    @Test
    void defaults() {
        assertEquals(new ResilienceSettings(true, RetryConfig.DEFAULT, RateLimitConfig.UNLIMITED, 5,
                Duration.ofSeconds(30), Duration.ofSeconds(60)), ResilienceSettings.defaults());
    }

    @Test
    void rejectsNegativeValuesNamingTheKey() {
        ResilienceSettings s = ResilienceSettings.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withCircuit(-1, Duration.ZERO))
                .getMessage().startsWith("circuit.failureThreshold"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withCircuit(1, Duration.ofSeconds(-1)))
                .getMessage().startsWith("circuit.openDelay"));
        assertThrows(IllegalArgumentException.class, () -> s.withMaxWait(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> s.withRetry(null));
    }
}
