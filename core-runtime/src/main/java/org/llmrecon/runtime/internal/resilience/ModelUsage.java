package org.llmrecon.runtime.internal.resilience;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import org.llmrecon.api.provider.Usage;
import org.llmrecon.api.runtime.UsageMetrics;

/** The counters of one model: cheap to update from many threads, read as a {@link UsageMetrics} snapshot. */
final class ModelUsage {
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();

    void recordSuccess(long latencyNanos, Usage usage, int retryCount) {
        requests.increment();
        countRetries(retryCount);
        if (usage != null) {
            promptTokens.add(usage.promptTokens());
            completionTokens.add(usage.completionTokens());
        }
        latency.record(latencyNanos);
    }

    void recordFailure(int retryCount) {
        requests.increment();
        errors.increment();
        countRetries(retryCount);
    }

    private void countRetries(int retryCount) {
        if (retryCount > 0) {
            retries.add(retryCount);
        }
    }

    UsageMetrics snapshot() {
        return metrics(requests.sum(), errors.sum(), retries.sum(), promptTokens.sum(), completionTokens.sum(),
                latency.counts());
    }

    /** @return the sum of {@code all}, with percentiles over all their latencies */
    static UsageMetrics combined(Collection<ModelUsage> all) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        long requestSum = 0;
        long errorSum = 0;
        long retrySum = 0;
        long promptSum = 0;
        long completionSum = 0;
        for (ModelUsage usage : all) {
            requestSum += usage.requests.sum();
            errorSum += usage.errors.sum();
            retrySum += usage.retries.sum();
            promptSum += usage.promptTokens.sum();
            completionSum += usage.completionTokens.sum();
            usage.latency.addTo(counts);
        }
        return metrics(requestSum, errorSum, retrySum, promptSum, completionSum, counts);
    }

    private static UsageMetrics metrics(long requests, long errors, long retries, long prompt, long completion,
            long[] latencyCounts) {
        return UsageMetrics.builder().requests(requests).errors(errors).retries(retries).promptTokens(prompt)
                .completionTokens(completion).latencyP50(LatencyHistogram.percentile(latencyCounts, 0.50))
                .latencyP95(LatencyHistogram.percentile(latencyCounts, 0.95))
                .latencyP99(LatencyHistogram.percentile(latencyCounts, 0.99)).build();
    }
}
