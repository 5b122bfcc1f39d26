package org.llmrecon.api.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of one provider instance, as in the original framework.
 * The API key is a {@link Secret} and {@link #toString()} shows header names
 * but not their values, so a configuration can be printed safely. A class
 * with a {@link Builder} rather than a record: providers gain settings over
 * time, and adding one must stay a minor change.
 *
 * @since 1.0.0
 */
public final class ProviderConfig {

    /** The timeout used when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String type;
    private final Secret apiKey;
    private final String orgId;
    private final String baseUrl;
    private final Duration timeout;
    private final RetryConfig retry;
    private final RateLimitConfig rateLimit;
    private final String defaultModel;
    private final Map<String, String> additionalHeaders;
    private final Map<String, String> additionalParams;

    private ProviderConfig(Builder b) {
        type = b.type;
        apiKey = b.apiKey == null ? Secret.empty() : b.apiKey;
        orgId = b.orgId;
        baseUrl = b.baseUrl;
        timeout = b.timeout == null ? DEFAULT_TIMEOUT : b.timeout;
        retry = b.retry == null ? RetryConfig.DEFAULT : b.retry;
        rateLimit = b.rateLimit == null ? RateLimitConfig.UNLIMITED : b.rateLimit;
        defaultModel = b.defaultModel;
        additionalHeaders = Map.copyOf(b.headers);
        additionalParams = Map.copyOf(b.params);
    }

    /** @return the provider type, for example {@code openai} */
    public String type() { return type; }

    /** @return the API key, possibly empty */
    public Secret apiKey() { return apiKey; }

    /** @return the organisation id, or {@code null} */
    public String orgId() { return orgId; }

    /** @return the base URL of the API, or {@code null} for the provider's default */
    public String baseUrl() { return baseUrl; }

    /** @return the timeout of one request */
    public Duration timeout() { return timeout; }

    /** @return how failed calls are retried */
    public RetryConfig retry() { return retry; }

    /** @return the client-side rate limits */
    public RateLimitConfig rateLimit() { return rateLimit; }

    /** @return the model used when a request names none, or {@code null} */
    public String defaultModel() { return defaultModel; }

    /** @return extra HTTP headers sent with every request */
    public Map<String, String> additionalHeaders() { return additionalHeaders; }

    /** @return extra request parameters, as strings */
    public Map<String, String> additionalParams() { return additionalParams; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderConfig c && type.equals(c.type) && apiKey.equals(c.apiKey)
                && Objects.equals(orgId, c.orgId) && Objects.equals(baseUrl, c.baseUrl) && timeout.equals(c.timeout)
                && retry.equals(c.retry) && rateLimit.equals(c.rateLimit)
                && Objects.equals(defaultModel, c.defaultModel) && additionalHeaders.equals(c.additionalHeaders)
                && additionalParams.equals(c.additionalParams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, apiKey, orgId, baseUrl, timeout, retry, rateLimit, defaultModel, additionalHeaders,
                additionalParams);
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
            return new ProviderConfig(this);
        }
    }
}
