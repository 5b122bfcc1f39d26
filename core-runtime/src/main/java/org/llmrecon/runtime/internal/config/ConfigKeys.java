package org.llmrecon.runtime.internal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.llmrecon.runtime.internal.settings.Durations;
import org.llmrecon.api.provider.PriceTable;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;

/**
 * The configuration keys of a provider type and how a flat map of them
 * becomes a {@link ProviderConfig} and {@link ResilienceSettings}.
 */
public final class ConfigKeys {
    /**
     * Keys with a fixed meaning; {@code header.*} and {@code param.*} are open, and so is
     * {@code pricing.<model>.input|output}, which reaches the provider as a parameter of that name.
     */
    public static final Set<String> KEYS = Set.of("apiKey", "orgId", "baseUrl", "timeout", "defaultModel",
            "retry.maxRetries", "retry.initialBackoff", "retry.maxBackoff", "retry.backoffMultiplier",
            "retry.retryableStatusCodes", "rateLimit.requestsPerMinute", "rateLimit.tokensPerMinute",
            "rateLimit.maxConcurrentRequests", "rateLimit.burstSize", "resilience.enabled",
            "circuit.failureThreshold", "circuit.openDelay");

    private static final Pattern PRICING = Pattern.compile(Pattern.quote(PriceTable.PREFIX) + ".+\\.(input|output)");

    private ConfigKeys() {
    }

    /** @param key a key @return whether it is known (fixed or header/param) */
    public static boolean known(String key) {
        return KEYS.contains(key) || key.startsWith("header.") && key.length() > 7
                || key.startsWith("param.") && key.length() > 6 || PRICING.matcher(key).matches();
    }

    /** @param key a key @return whether its value must never be shown */
    public static boolean secret(String key) {
        return org.llmrecon.api.provider.Secret.isSecretKey(key);
    }

    /**
     * Checks one value; the same checks {@link #providerConfig} applies.
     *
     * @param key a key
     * @param value its value
     * @throws IllegalArgumentException naming the key and the reason, never a secret value
     */
    public static void check(String key, String value) {
        if (!known(key)) {
            throw new IllegalArgumentException("unknown configuration key '" + key + "' (known: "
                    + String.join(", ", KEYS.stream().sorted().toList()) + ", header.<name>, param.<name>, pricing.<model>.input, pricing.<model>.output)");
        }
        providerConfig("check", Map.of(key, value));
        resilience(Map.of(key, value), Duration.ofSeconds(60));
    }

    /**
     * @param type the provider type
     * @param values the effective values
     * @return the provider configuration
     * @throws IllegalArgumentException naming the key when a value is malformed
     */
    public static ProviderConfig providerConfig(String type, Map<String, String> values) {
        ProviderConfig.Builder b = ProviderConfig.builder(type)
                .apiKey(values.get("apiKey"))
                .orgId(values.get("orgId"))
                .baseUrl(values.get("baseUrl"))
                .defaultModel(values.get("defaultModel"));
        if (values.containsKey("timeout")) {
            b.timeout(duration(values, "timeout"));
        }
        b.retry(retry(values));
        b.rateLimit(rateLimit(values));
        values.forEach((k, v) -> {
            if (k.startsWith("header.")) {
                b.header(k.substring(7), v);
            } else if (k.startsWith("param.")) {
                b.param(k.substring(6), v);
            } else if (PRICING.matcher(k).matches()) {
                b.param(k, price(k, v));
            }
        });
        return b.build();
    }

    /**
     * @param values the effective values
     * @param maxWait the longest a call may wait for a permit
     * @return the runtime's resilience settings
     */
    public static ResilienceSettings resilience(Map<String, String> values, Duration maxWait) {
        ResilienceSettings d = ResilienceSettings.defaults();
        String enabled = values.getOrDefault("resilience.enabled", String.valueOf(d.enabled())).trim();
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("resilience.enabled must be true or false, not '" + enabled + "'");
        }
        return new ResilienceSettings(Boolean.parseBoolean(enabled), retry(values), rateLimit(values),
                integer(values, "circuit.failureThreshold", d.circuitFailureThreshold(), 1),
                values.containsKey("circuit.openDelay") ? duration(values, "circuit.openDelay") : d.circuitOpenDelay(),
                maxWait);
    }

    private static RetryConfig retry(Map<String, String> values) {
        RetryConfig d = RetryConfig.DEFAULT;
        if (values.keySet().stream().noneMatch(k -> k.startsWith("retry."))) {
            return d; // shared: a thousand targets without settings of their own keep one copy
        }
        Set<Integer> codes = d.retryableStatusCodes();
        String list = values.get("retry.retryableStatusCodes");
        if (list != null) {
            try {
                codes = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(Integer::valueOf).collect(Collectors.toCollection(HashSet::new));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retry.retryableStatusCodes must be a comma-separated list of "
                        + "HTTP status codes, not '" + list + "'");
            }
        }
        double multiplier = d.backoffMultiplier();
        String m = values.get("retry.backoffMultiplier");
        if (m != null) {
            try {
                multiplier = Double.parseDouble(m.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retry.backoffMultiplier must be a number, not '" + m + "'");
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("retry.backoffMultiplier must be at least 1, not '" + m + "'");
            }
        }
        return new RetryConfig(integer(values, "retry.maxRetries", d.maxRetries(), 0),
                values.containsKey("retry.initialBackoff") ? duration(values, "retry.initialBackoff")
                        : d.initialBackoff(),
                values.containsKey("retry.maxBackoff") ? duration(values, "retry.maxBackoff") : d.maxBackoff(),
                multiplier, codes);
    }

    private static RateLimitConfig rateLimit(Map<String, String> values) {
        if (values.keySet().stream().noneMatch(k -> k.startsWith("rateLimit."))) {
            return RateLimitConfig.UNLIMITED;
        }
        return new RateLimitConfig(integer(values, "rateLimit.requestsPerMinute", 0, 0),
                integer(values, "rateLimit.tokensPerMinute", 0, 0),
                integer(values, "rateLimit.maxConcurrentRequests", 0, 0),
                integer(values, "rateLimit.burstSize", 0, 0));
    }

    private static String price(String key, String value) {
        try {
            double price = Double.parseDouble(value.trim());
            if (price >= 0 && !Double.isInfinite(price)) {
                return value.trim();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a price per million tokens (a number, 0 or more), not '"
                + value + "'");
    }

    private static int integer(Map<String, String> values, String key, int fallback, int min) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new IllegalArgumentException(key + " must be at least " + min + ", not '" + v + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
        }
    }

    private static Duration duration(Map<String, String> values, String key) {
        try {
            return Durations.parse(values.get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }
}
