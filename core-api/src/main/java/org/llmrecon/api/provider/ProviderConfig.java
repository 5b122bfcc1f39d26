package org.llmrecon.api.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of one provider instance, as in the original framework.
 * The API key is a {@link Secret} and {@link #toString()} shows header names
 * but not their values, so a configuration can be printed safely.
 *
 * @param type the provider type, for example {@code openai}
 * @param apiKey the API key, possibly empty
 * @param orgId the organisation id, or {@code null}
 * @param baseUrl the base URL of the API, or {@code null} for the provider's default
 * @param timeout the timeout of one request
 * @param retry how failed calls are retried
 * @param rateLimit the client-side rate limits
 * @param defaultModel the model used when a request names none, or {@code null}
 * @param additionalHeaders extra HTTP headers sent with every request
 * @param additionalParams extra request parameters, as strings
 * @since 1.0.0
 */
public record ProviderConfig(String type, Secret apiKey, String orgId, String baseUrl, Duration timeout,
        RetryConfig retry, RateLimitConfig rateLimit, String defaultModel,
        Map<String, String> additionalHeaders, Map<String, String> additionalParams) {

    /** The timeout used when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Fills defaults and copies the maps. */
    public ProviderConfig {
        Objects.requireNonNull(type, "type");
        apiKey = apiKey == null ? Secret.empty() : apiKey;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        retry = retry == null ? RetryConfig.DEFAULT : retry;
        rateLimit = rateLimit == null ? RateLimitConfig.UNLIMITED : rateLimit;
        additionalHeaders = additionalHeaders == null ? Map.of() : Map.copyOf(additionalHeaders);
        additionalParams = additionalParams == null ? Map.of() : Map.copyOf(additionalParams);
    }

    /**
     * @param type the provider type
     * @return a builder with defaults for everything else
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        return new Builder(type).apiKey(apiKey).orgId(orgId).baseUrl(baseUrl).timeout(timeout).retry(retry)
                .rateLimit(rateLimit).defaultModel(defaultModel).additionalHeaders(additionalHeaders)
                .additionalParams(additionalParams);
    }

    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", apiKey=" + apiKey + ", orgId=" + orgId + ", baseUrl=" + baseUrl
                + ", timeout=" + timeout + ", retry=" + retry + ", rateLimit=" + rateLimit + ", defaultModel="
                + defaultModel + ", additionalHeaders=" + additionalHeaders.keySet() + ", additionalParams="
                + additionalParams.keySet() + "]";
    }

    /**
     * Builds a {@link ProviderConfig}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private final String type;
        private Secret apiKey = Secret.empty();
        private String orgId;
        private String baseUrl;
        private Duration timeout;
        private RetryConfig retry;
        private RateLimitConfig rateLimit;
        private String defaultModel;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> params = new LinkedHashMap<>();

        Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** @param value the API key @return this builder */
        public Builder apiKey(Secret value) { this.apiKey = value; return this; }

        /** @param value the API key in clear @return this builder */
        public Builder apiKey(String value) { return apiKey(Secret.of(value)); }

        /** @param value the organisation id @return this builder */
        public Builder orgId(String value) { this.orgId = value; return this; }

        /** @param value the base URL @return this builder */
        public Builder baseUrl(String value) { this.baseUrl = value; return this; }

        /** @param value the request timeout @return this builder */
        public Builder timeout(Duration value) { this.timeout = value; return this; }

        /** @param value the retry configuration @return this builder */
        public Builder retry(RetryConfig value) { this.retry = value; return this; }

        /** @param value the rate limits @return this builder */
        public Builder rateLimit(RateLimitConfig value) { this.rateLimit = value; return this; }

        /** @param value the default model @return this builder */
        public Builder defaultModel(String value) { this.defaultModel = value; return this; }

        /** @param name header name @param value header value @return this builder */
        public Builder header(String name, String value) { headers.put(name, value); return this; }

        /** @param values headers to add @return this builder */
        public Builder additionalHeaders(Map<String, String> values) { headers.putAll(values); return this; }

        /** @param name parameter name @param value parameter value @return this builder */
        public Builder param(String name, String value) { params.put(name, value); return this; }

        /** @param values parameters to add @return this builder */
        public Builder additionalParams(Map<String, String> values) { params.putAll(values); return this; }

        /** @return the configuration */
        public ProviderConfig build() {
            return new ProviderConfig(type, apiKey, orgId, baseUrl, timeout, retry, rateLimit, defaultModel,
                    headers, params);
        }
    }
}
