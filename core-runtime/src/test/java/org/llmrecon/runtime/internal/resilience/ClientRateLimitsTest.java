package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.runtime.RateLimits;

class ClientRateLimitsTest {
    private final RateLimits limits = new ClientRateLimits();

    @Test
    void aClientBeyondItsAllowanceWaitsAnIntervalAndOthersAreNotTouched() {
        assertEquals(Optional.empty(), limits.tryAcquire("key 1", 2));
        assertEquals(Optional.of(Duration.ofSeconds(30)), limits.tryAcquire("key 1", 2),
                "two a minute: the next one in 30 s");
        assertEquals(Optional.empty(), limits.tryAcquire("key 2", 2), "another client has its own allowance");
    }

    @Test
    void aChangedRateStartsAFreshAllowanceAndZeroIsNoLimit() {
        assertEquals(Optional.empty(), limits.tryAcquire("key 1", 1));
        assertTrue(limits.tryAcquire("key 1", 1).isPresent());
        assertEquals(Optional.empty(), limits.tryAcquire("key 1", 3), "a new rate, a new allowance");
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), limits.tryAcquire("key 1", 0));
        }
    }

    @Test
    void theLeastRecentlySeenClientsAreForgottenBeyondTheBound() {
        assertEquals(Optional.empty(), limits.tryAcquire("first", 1));
        assertTrue(limits.tryAcquire("first", 1).isPresent());
        for (int i = 0; i < RateLimits.MAX_CLIENTS; i++) {
            limits.tryAcquire("client " + i, 1);
        }
        assertEquals(Optional.empty(), limits.tryAcquire("first", 1), "forgotten, so a fresh allowance");
    }
}
