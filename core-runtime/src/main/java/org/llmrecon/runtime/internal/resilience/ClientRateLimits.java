package org.llmrecon.runtime.internal.resilience;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.llmrecon.api.runtime.RateLimits;
import org.osgi.service.component.annotations.Component;

import dev.failsafe.RateLimiter;

/**
 * {@link RateLimits} for callers of the runtime, on the limiter that guards a
 * target's requests ({@link GuardPolicies#requestLimiter}). A client's
 * allowance is kept while it is among the {@link RateLimits#MAX_CLIENTS} most
 * recently seen.
 */
@Component(service = RateLimits.class)
public final class ClientRateLimits implements RateLimits {
    private final Map<String, Allowance> clients = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Allowance> eldest) {
                    return size() > MAX_CLIENTS;
                }
            });

    @Override
    public Optional<Duration> tryAcquire(String client, int perMinute) {
        Objects.requireNonNull(client, "client");
        if (perMinute <= 0) {
            return Optional.empty();
        }
        Allowance allowance = clients.compute(client,
                (name, kept) -> kept != null && kept.perMinute == perMinute ? kept : new Allowance(perMinute));
        if (allowance.limiter.tryAcquirePermit()) {
            return Optional.empty();
        }
        return Optional.of(allowance.interval);
    }

    private static final class Allowance {
        final int perMinute;
        final RateLimiter<Object> limiter;
        final Duration interval;

        Allowance(int perMinute) {
            this.perMinute = perMinute;
            this.limiter = GuardPolicies.requestLimiter(perMinute, 1, Duration.ZERO);
            this.interval = GuardPolicies.MINUTE.dividedBy(perMinute);
        }
    }
}
