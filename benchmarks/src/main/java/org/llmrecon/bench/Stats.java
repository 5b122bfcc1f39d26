package org.llmrecon.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample (nearest-rank percentiles). */
public final class Stats {
    private final double[] sorted;

    public Stats(List<? extends Number> values) {
        this.sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    public Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }

    /** @return n, min, p50, p90, p95, p99 and max, with the given unit */
    public String summary(String unit) {
        return String.format(Locale.ROOT, "n=%d min=%.1f p50=%.1f p90=%.1f p95=%.1f p99=%.1f max=%.1f %s",
                count(), min(), median(), percentile(90), percentile(95), percentile(99), max(), unit);
    }
}
