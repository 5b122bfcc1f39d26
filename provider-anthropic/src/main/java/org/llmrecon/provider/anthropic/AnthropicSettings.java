package org.llmrecon.provider.anthropic;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.PriceTable;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * A target's configuration checked for the Messages API. Every problem is one {@link InvalidConfigException}
 * line naming the key; values of unknown keys and the API key are never echoed.
 *
 * @param config the configuration
 * @param target the target's name, in messages
 * @param baseUri the server root ({@code https://api.anthropic.com}); paths start with {@code /v1}
 * @param timeout the deadline of a whole call, streams included
 * @param idleTimeout how long a stream may send nothing (pings count) before it is cut
 * @param defaultModel the model of requests that name none, or {@code null}
 * @param maxTokens {@code max_tokens} of requests that set none
 * @param version the {@code anthropic-version} header
 * @param limits the size limits of answers
 * @param prices the models' prices with the target's overrides
 */
record AnthropicSettings(ProviderConfig config, String target, URI baseUri, Duration timeout, Duration idleTimeout,
        String defaultModel, int maxTokens, String version, Limits limits, PriceTable prices) {

    /**
     * Size limits of what a server may send, each a number of bytes.
     *
     * @param response a whole non-streamed answer (and an error body)
     * @param line one line of an event stream
     * @param event the data of one event
     * @param stream a whole event stream
     */
    record Limits(long response, long line, long event, long stream) {
    }

    static final String TYPE = "anthropic";
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    static final String DEFAULT_VERSION = "2023-06-01";
    static final int DEFAULT_MAX_TOKENS = 4096;
    static final long DEFAULT_LIMIT = 16L << 20;

    static final String MAX_TOKENS = "maxTokens";
    static final String VERSION = "anthropicVersion";
    static final String IDLE_TIMEOUT = "idleTimeout";
    static final String MAX_RESPONSE = "maxResponseBytes";
    static final String MAX_LINE = "maxLineBytes";
    static final String MAX_EVENT = "maxEventBytes";
    static final String MAX_STREAM = "maxStreamBytes";
    static final List<String> KEYS = List.of(MAX_TOKENS, VERSION, IDLE_TIMEOUT, MAX_RESPONSE, MAX_LINE, MAX_EVENT,
            MAX_STREAM);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})(|KiB|MiB|GiB)");

    static AnthropicSettings from(ProviderConfig config) {
        String target = config.type();
        URI base = baseUri(target, config.baseUrl());
        if (config.apiKey().isEmpty() && !isLoopback(base.getHost())) {
            throw invalid(target, "apiKey is missing (only a loopback baseUrl may go without one)");
        }
        if (!config.apiKey().reveal().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid(target, "apiKey contains spaces, line breaks or other characters an HTTP header cannot carry");
        }
        if (config.timeout().isZero() || config.timeout().isNegative()) {
            throw invalid(target, "timeout must be positive, was " + config.timeout());
        }
        config.additionalHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || List.of("connection", "content-length", "expect",
                    "host", "upgrade", "content-type", "accept", "x-api-key").contains(lower)) {
                throw invalid(target, "header '" + name + "' cannot be configured");
            }
            if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f))) {
                throw invalid(target, "header '" + name + "' has no value, or control characters in it");
            }
        });
        Map<String, String> params = config.additionalParams();
        for (String key : params.keySet()) {
            if (!KEYS.contains(key) && !key.startsWith(PriceTable.PREFIX)) {
                throw invalid(target, "param." + key + ": not an anthropic parameter (known: " + String.join(", ", KEYS)
                        + ", pricing.<model>.input, pricing.<model>.output)");
            }
        }
        String version = params.getOrDefault(VERSION, DEFAULT_VERSION).trim();
        if (!version.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw invalid(target, "param." + VERSION + ": '" + version + "' is not an API version such as "
                    + DEFAULT_VERSION);
        }
        Duration idle = duration(target, params, IDLE_TIMEOUT, config.timeout());
        Limits limits = new Limits(size(target, params, MAX_RESPONSE), size(target, params, MAX_LINE),
                size(target, params, MAX_EVENT), size(target, params, MAX_STREAM));
        String model = config.defaultModel() == null || config.defaultModel().isBlank() ? null : config.defaultModel();
        PriceTable prices;
        try {
            prices = AnthropicModels.PRICES.withOverrides(params);
        } catch (InvalidConfigException e) {
            throw invalid(target, e.getMessage());
        }
        return new AnthropicSettings(config, target, base, config.timeout(), idle, model,
                (int) number(target, params, MAX_TOKENS, DEFAULT_MAX_TOKENS, Integer.MAX_VALUE), version, limits, prices);
    }

    /** @return the server root plus {@code path} */
    URI resolve(String path) {
        String root = baseUri.toString().replaceAll("/+$", "");
        return URI.create(root + path);
    }

    private static URI baseUri(String target, String baseUrl) {
        String text = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(target, "baseUrl is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(target, "baseUrl must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(target, "baseUrl must be a server root such as " + DEFAULT_BASE_URL
                    + " (a host, no credentials, query or fragment)");
        }
        // the SDKs take the root and add /v1; a base URL ending in /v1 means the same server
        return URI.create(scheme + text.substring(scheme.length()).replaceAll("/v1/*$", "").replaceAll("/+$", ""));
    }

    private static Duration duration(String target, Map<String, String> params, String key, Duration fallback) {
        String text = params.get(key);
        if (text == null) {
            return fallback;
        }
        Matcher m = SHORT_DURATION.matcher(text.trim());
        Duration value = null;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                value = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(target, "param." + key + ": '" + text + "' is not a positive duration (write 500ms, 30s, 2m"
                    + " or ISO-8601 such as PT30S)");
        }
        return value;
    }

    private static long size(String target, Map<String, String> params, String key) {
        String text = params.get(key);
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            int shift = switch (m.group(2)) {
                case "KiB" -> 10;
                case "MiB" -> 20;
                case "GiB" -> 30;
                default -> 0;
            };
            long value = Long.parseLong(m.group(1));
            if (value <= (Long.MAX_VALUE >> shift)) {
                return value << shift;
            }
        }
        throw invalid(target, "param." + key + ": '" + text + "' is not a size (a positive number of bytes, or with"
                + " KiB, MiB or GiB)");
    }

    private static long number(String target, Map<String, String> params, String key, long fallback, long max) {
        String text = params.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(target, "param." + key + ": '" + text + "' is not a positive whole number");
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static InvalidConfigException invalid(String target, String reason) {
        return new InvalidConfigException(TYPE + " target '" + target + "': " + reason);
    }
}
