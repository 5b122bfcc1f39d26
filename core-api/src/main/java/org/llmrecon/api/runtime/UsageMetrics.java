package org.llmrecon.api.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Usage counted by the runtime for one provider and model, or for all models.
 * A class with a {@link Builder} rather than a record: the runtime will count
 * more (cached tokens, rate-limit waits), and adding a counter must stay a
 * minor change.
 *
 * @since 1.0.0
 */
public final class UsageMetrics {
    /** Nothing counted yet. */
    public static final UsageMetrics EMPTY = builder().build();

    private final long requests;
    private final long errors;
    private final long retries;
    private final long promptTokens;
    private final long completionTokens;
    private final Duration latencyP50;
    private final Duration latencyP95;
    private final Duration latencyP99;

    private UsageMetrics(Builder b) {
        requests = b.requests;
        errors = b.errors;
        retries = b.retries;
        promptTokens = b.promptTokens;
        completionTokens = b.completionTokens;
        latencyP50 = b.latencyP50 == null ? Duration.ZERO : b.latencyP50;
        latencyP95 = b.latencyP95 == null ? Duration.ZERO : b.latencyP95;
        latencyP99 = b.latencyP99 == null ? Duration.ZERO : b.latencyP99;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().requests(requests).errors(errors).retries(retries).promptTokens(promptTokens)
                .completionTokens(completionTokens).latencyP50(latencyP50).latencyP95(latencyP95)
                .latencyP99(latencyP99);
    }

    /** @return calls made */
    public long requests() { return requests; }

    /** @return calls that failed */
    public long errors() { return errors; }

    /** @return retries made */
    public long retries() { return retries; }

    /** @return prompt tokens reported */
    public long promptTokens() { return promptTokens; }

    /** @return completion tokens reported */
    public long completionTokens() { return completionTokens; }

    /** @return median latency of successful calls */
    public Duration latencyP50() { return latencyP50; }

    /** @return 95th percentile latency */
    public Duration latencyP95() { return latencyP95; }

    /** @return 99th percentile latency */
    public Duration latencyP99() { return latencyP99; }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageMetrics x
                && requests == x.requests
                && errors == x.errors
                && retries == x.retries
                && promptTokens == x.promptTokens
                && completionTokens == x.completionTokens
                && Objects.equals(latencyP50, x.latencyP50)
                && Objects.equals(latencyP95, x.latencyP95)
                && Objects.equals(latencyP99, x.latencyP99);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requests, errors, retries, promptTokens, completionTokens, latencyP50, latencyP95,
                latencyP99);
    }

    @Override
    public String toString() {
        return "UsageMetrics[requests=" + requests + ", errors=" + errors + ", retries=" + retries
                + ", promptTokens=" + promptTokens + ", completionTokens=" + completionTokens
                + ", latencyP50=" + latencyP50 + ", latencyP95=" + latencyP95 + ", latencyP99=" + latencyP99 + "]";
    }

    /**
     * Builds a {@link UsageMetrics}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private long requests;
        private long errors;
        private long retries;
        private long promptTokens;
        private long completionTokens;
        private Duration latencyP50;
        private Duration latencyP95;
        private Duration latencyP99;

        Builder() {
        }

        /** @param value calls made @return this builder */
        public Builder requests(long value) { requests = value; return this; }

        /** @param value calls that failed @return this builder */
        public Builder errors(long value) { errors = value; return this; }

        /** @param value retries made @return this builder */
        public Builder retries(long value) { retries = value; return this; }

        /** @param value prompt tokens reported @return this builder */
        public Builder promptTokens(long value) { promptTokens = value; return this; }

        /** @param value completion tokens reported @return this builder */
        public Builder completionTokens(long value) { completionTokens = value; return this; }

        /** @param value median latency of successful calls @return this builder */
        public Builder latencyP50(Duration value) { latencyP50 = value; return this; }

        /** @param value 95th percentile latency @return this builder */
        public Builder latencyP95(Duration value) { latencyP95 = value; return this; }

        /** @param value 99th percentile latency @return this builder */
        public Builder latencyP99(Duration value) { latencyP99 = value; return this; }

        /** @return the metrics */
        public UsageMetrics build() {
            return new UsageMetrics(this);
        }
    }
}
