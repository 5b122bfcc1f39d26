package org.llmrecon.api.runtime;

import java.time.Duration;

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
 * @since 1.0.0
 */
public record UsageMetrics(long requests, long errors, long retries, long promptTokens, long completionTokens,
        Duration latencyP50, Duration latencyP95, Duration latencyP99) {

    /** Nothing counted yet. */
    public static final UsageMetrics EMPTY = new UsageMetrics(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);
}
