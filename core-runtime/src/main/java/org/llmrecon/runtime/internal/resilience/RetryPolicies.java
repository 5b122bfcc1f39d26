package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.RetryConfig;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;

/** Builds the Failsafe retry policy for a {@link RetryConfig}, with exponential backoff, jitter and Retry-After. */
final class RetryPolicies {

    private RetryPolicies() {
    }

    /**
     * @param config the retry configuration
     * @param maxWait the longest Retry-After honoured; a server asking for more is not retried
     * @param started for a stream, whether a chunk was handed out (then no retry); {@code null} otherwise
     * @return the policy, or {@code null} when {@code config} allows no retries
     */
    static RetryPolicy<Object> of(RetryConfig config, Duration maxWait, BooleanSupplier started) {
        if (config.maxRetries() == 0) {
            return null;
        }
        Set<Integer> codes = config.retryableStatusCodes();
        RetryPolicyBuilder<Object> builder = RetryPolicy.builder()
                .handleIf((Object result, Throwable failure) -> failure != null
                        && FailureKinds.retryable(failure, codes))
                .abortIf((Object result, Throwable failure) -> asksToWaitLonger(failure, maxWait))
                .abortOn(DeadlinePassed.class)
                .withMaxRetries(config.maxRetries())
                .withDelayFn(context -> delay(config, context.getAttemptCount(), context.getLastException(),
                        ThreadLocalRandom.current().nextDouble()));
        if (started != null) {
            builder.abortIf((Object result, Throwable failure) -> started.getAsBoolean());
        }
        return builder.build();
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): the exponential backoff, capped by maxBackoff,
     * less a random part of up to half of it ("equal jitter"); at least the Retry-After the failure carries.
     * Rounded up to whole milliseconds, as Failsafe sleeps in milliseconds.
     */
    static Duration delay(RetryConfig config, int retry, Throwable failure, double random) {
        long backoff = backoffNanos(config, retry);
        long nanos = backoff - (long) (backoff / 2.0 * random);
        if (failure instanceof ProviderException e && e.retryAfter().isPresent()) {
            nanos = Math.max(nanos, e.retryAfter().get().toNanos());
        }
        return Duration.ofMillis((nanos + 999_999) / 1_000_000);
    }

    /** @return initialBackoff times multiplier to the power {@code retry - 1}, at most maxBackoff */
    static long backoffNanos(RetryConfig config, int retry) {
        double nanos = config.initialBackoff().toNanos() * Math.pow(config.backoffMultiplier(), Math.max(0, retry - 1));
        return (long) Math.min(nanos, config.maxBackoff().toNanos());
    }

    private static boolean asksToWaitLonger(Throwable failure, Duration maxWait) {
        return failure instanceof ProviderException e
                && e.retryAfter().map(after -> after.compareTo(maxWait) > 0).orElse(false);
    }
}
