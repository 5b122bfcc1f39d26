package org.llmrecon.api.runtime;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Request rate limits for the runtime's own callers (a gateway's clients, a
 * tool's users), kept by the runtime's resilience layer with the same limiter
 * it applies to a target's {@code rateLimit.requestsPerMinute}: smooth, a
 * permit every {@code 60 s / perMinute}. Each client has its own allowance,
 * made anew when its rate changes. Never blocks.
 *
 * @since 1.0.0
 */
@ProviderType
public interface RateLimits {
    /** The most clients kept at once; the allowance of the least recently seen client beyond it is forgotten. */
    int MAX_CLIENTS = 10_000;

    /**
     * Takes one request from a client's allowance.
     *
     * @param client who asks, any stable name (say a key's number; never the key itself: names may be listed)
     * @param perMinute the client's allowance in requests per minute; 0 or less for no limit
     * @return empty when the request may go on, else how long until the client's next request may
     */
    Optional<Duration> tryAcquire(String client, int perMinute);
}
