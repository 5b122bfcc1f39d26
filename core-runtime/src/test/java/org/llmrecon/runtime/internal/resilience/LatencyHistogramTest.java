package org.llmrecon.runtime.internal.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinThreePercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            histogram.record(Duration.ofMillis(ms).toNanos());
        }
        long[] counts = histogram.counts();
        assertNear(Duration.ofMillis(500), LatencyHistogram.percentile(counts, 0.50));
        assertNear(Duration.ofMillis(950), LatencyHistogram.percentile(counts, 0.95));
        assertNear(Duration.ofMillis(990), LatencyHistogram.percentile(counts, 0.99));
    }

    @Test
    void emptyHistogramGivesZero() {
        assertEquals(Duration.ZERO, LatencyHistogram.percentile(new LatencyHistogram().counts(), 0.99));
    }

    @Test
    void everyValueLandsInABucketWhoseMiddleIsClose() {
        long previous = -1;
        for (long v = 0; v < 1L << 43; v = v < 64 ? v + 1 : v + v / 7) {
            int index = LatencyHistogram.indexOf(v);
            assertTrue(index >= previous, "buckets grow with the value at " + v);
            previous = index;
            long middle = LatencyHistogram.valueAt(index);
            assertTrue(Math.abs(middle - v) <= Math.max(1, v / 30), v + " -> " + middle);
        }
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.indexOf(Long.MAX_VALUE));
        assertEquals(0, LatencyHistogram.indexOf(-5));
    }

    private static void assertNear(Duration expected, Duration actual) {
        long error = Math.abs(actual.toNanos() - expected.toNanos());
        assertTrue(error <= expected.toNanos() * 3 / 100, "expected about " + expected + " but was " + actual);
    }
}
