package org.llmrecon.api.runtime;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A provider as handed out by the runtime: the plugin's provider behind the
 * runtime's retry, rate limiting, circuit breaker and metrics. The handle for
 * one provider type stays valid when its plugin is updated or replaced; calls
 * then go to the new instance.
 *
 * <p>A call is cancelled by interrupting the thread that made it: the runtime
 * abandons the call, interrupts the plugin's thread and throws
 * {@link java.util.concurrent.CancellationException}, with the caller's
 * interrupt status set again.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ManagedProvider extends Provider {

    /** @return the retry configuration in effect */
    RetryConfig retryConfig();

    /** @param config the retry configuration to apply from the next call on */
    void updateRetryConfig(RetryConfig config);

    /** @return the rate limits in effect */
    RateLimitConfig rateLimitConfig();

    /** @param config the rate limits to apply from the next call on */
    void updateRateLimitConfig(RateLimitConfig config);

    /** @return usage over all models */
    UsageMetrics usageMetrics();

    /** @return usage per model id */
    Map<String, UsageMetrics> usageMetricsByModel();

    /** @return how many provider instances the runtime has created and closed for this type */
    ProviderInstances instances();

    /** Sets all usage counters back to zero (not the instance counts). */
    void resetMetrics();

    /**
     * Does nothing: the runtime owns the lifecycle of the provider behind this
     * handle and closes it when its plugin goes away.
     */
    @Override
    void close();
}
