package org.llmrecon.runtime.internal.resilience;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.Usage;
import org.llmrecon.api.runtime.Cost;
import org.llmrecon.api.runtime.UsageMetrics;

/**
 * The counters of one model: cheap to update from many threads, read as a {@link UsageMetrics} snapshot. The
 * cost is known only while every successful call was priced, in one currency.
 */
final class ModelUsage {
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final DoubleAdder cost = new DoubleAdder();
    private final LongAdder unpriced = new LongAdder();
    private volatile String currency;
    private volatile boolean mixedCurrencies;

    void recordSuccess(long latencyNanos, Usage usage, int retryCount, Optional<Pricing> price) {
        requests.increment();
        countRetries(retryCount);
        if (usage != null) {
            promptTokens.add(usage.promptTokens());
            completionTokens.add(usage.completionTokens());
        }
        if (price.isEmpty()) {
            unpriced.increment();
        } else {
            String seen = currency;
            if (seen == null) {
                currency = seen = price.get().currency();
            }
            mixedCurrencies |= !seen.equals(price.get().currency());
            cost.add(usage == null ? 0 : price.get().cost(usage));
        }
        latency.record(latencyNanos);
    }

    private Optional<Cost> cost() {
        if (unpriced.sum() > 0 || mixedCurrencies) {
            return Optional.empty();
        }
        String seen = currency;
        return Optional.of(seen == null ? Cost.ZERO : new Cost(cost.sum(), seen));
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
                latency.counts(), cost());
    }

    /** @return the sum of {@code all}, with percentiles over all their latencies */
    static UsageMetrics combined(Collection<ModelUsage> all) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        long requestSum = 0;
        long errorSum = 0;
        long retrySum = 0;
        long promptSum = 0;
        long completionSum = 0;
        Optional<Cost> costSum = Optional.of(Cost.ZERO);
        for (ModelUsage usage : all) {
            costSum = sum(costSum, usage.cost());
            requestSum += usage.requests.sum();
            errorSum += usage.errors.sum();
            retrySum += usage.retries.sum();
            promptSum += usage.promptTokens.sum();
            completionSum += usage.completionTokens.sum();
            usage.latency.addTo(counts);
        }
        return metrics(requestSum, errorSum, retrySum, promptSum, completionSum, counts, costSum);
    }

    /** Unknown when either is; a zero adds in any currency; two currencies do not add up. */
    private static Optional<Cost> sum(Optional<Cost> a, Optional<Cost> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Cost x = a.get();
        Cost y = b.get();
        if (x.amount() == 0 || y.amount() == 0 || x.currency().equals(y.currency())) {
            return Optional.of(new Cost(x.amount() + y.amount(), x.amount() == 0 ? y.currency() : x.currency()));
        }
        return Optional.empty();
    }

    private static UsageMetrics metrics(long requests, long errors, long retries, long prompt, long completion,
            long[] latencyCounts, Optional<Cost> cost) {
        return UsageMetrics.builder().requests(requests).errors(errors).retries(retries).promptTokens(prompt)
                .completionTokens(completion).latencyP50(LatencyHistogram.percentile(latencyCounts, 0.50))
                .latencyP95(LatencyHistogram.percentile(latencyCounts, 0.95))
                .latencyP99(LatencyHistogram.percentile(latencyCounts, 0.99)).cost(cost.orElse(null)).build();
    }
}
