package org.llmrecon.api.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Usage counted by the runtime for one provider and model, or for all models.
 *
 * @param requests calls made
 * @param errors calls that failed
 * @param retries retries made
 * @param promptTokens prompt tokens reported
 * @param completionTokens completion tokens reported
 * @param latencyP50 median latency of successful calls
 * @param latencyP95 95th percentile latency
 * @param latencyP99 99th percentile latency
 * @param cost what the successful calls cost; empty ("unknown") when a call's model has no known price, or
 *        when calls were priced in different currencies, never a zero standing for unknown
 * @since 1.0.0
 */
public record UsageMetrics(long requests, long errors, long retries, long promptTokens, long completionTokens,
        Duration latencyP50, Duration latencyP95, Duration latencyP99, Optional<Cost> cost) {

    /** Nothing counted yet, so nothing spent. */
    public static final UsageMetrics EMPTY = new UsageMetrics(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Optional.of(Cost.ZERO));

    /** Checks that the cost is given, possibly empty. */
    public UsageMetrics {
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * Usage whose cost is unknown.
     *
     * @param requests calls made
     * @param errors calls that failed
     * @param retries retries made
     * @param promptTokens prompt tokens reported
     * @param completionTokens completion tokens reported
     * @param latencyP50 median latency of successful calls
     * @param latencyP95 95th percentile latency
     * @param latencyP99 99th percentile latency
     */
    public UsageMetrics(long requests, long errors, long retries, long promptTokens, long completionTokens,
            Duration latencyP50, Duration latencyP95, Duration latencyP99) {
        this(requests, errors, retries, promptTokens, completionTokens, latencyP50, latencyP95, latencyP99,
                Optional.empty());
    }
}
