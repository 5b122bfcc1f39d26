package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A lock-free log-linear histogram of latencies in nanoseconds: 16 buckets per power of two, so a
 * percentile is off by at most about 3 %. Values from 0 to about 73 minutes; longer ones land in the last bucket.
 * Recording is one atomic increment. The buckets of a power of two are allocated when it first gets a value:
 * the calls of one model span a few of the 40 powers, and the whole table (5 KiB) for every model a runtime
 * has served was most of the heap it keeps per plugin.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 4;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 42;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS;

    private final AtomicReferenceArray<AtomicLongArray> rows = new AtomicReferenceArray<>(BUCKETS / SUB_BUCKETS);

    void record(long nanos) {
        int index = indexOf(nanos);
        int r = index / SUB_BUCKETS;
        AtomicLongArray row = rows.get(r);
        if (row == null) {
            rows.compareAndSet(r, null, new AtomicLongArray(SUB_BUCKETS));
            row = rows.get(r);
        }
        row.incrementAndGet(index % SUB_BUCKETS);
    }

    /** Adds this histogram's counts to {@code sums}. */
    void addTo(long[] sums) {
        for (int r = 0; r < rows.length(); r++) {
            AtomicLongArray row = rows.get(r);
            for (int i = 0; row != null && i < SUB_BUCKETS; i++) {
                sums[r * SUB_BUCKETS + i] += row.get(i);
            }
        }
    }

    long[] counts() {
        long[] copy = new long[BUCKETS];
        addTo(copy);
        return copy;
    }

    static int indexOf(long nanos) {
        if (nanos < SUB_BUCKETS) {
            return (int) Math.max(nanos, 0);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) ((nanos >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** @return the middle of the bucket at {@code index}, in nanoseconds */
    static long valueAt(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long low = (long) (SUB_BUCKETS + index % SUB_BUCKETS) << shift;
        return low + ((1L << shift) >> 1);
    }

    /**
     * @param counts bucket counts as from {@link #counts()}
     * @param quantile between 0 and 1
     * @return the value below which {@code quantile} of the recorded values lie, zero when nothing was recorded
     */
    static Duration percentile(long[] counts, double quantile) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Duration.ofNanos(valueAt(i));
            }
        }
        return Duration.ofNanos(valueAt(counts.length - 1));
    }
}
