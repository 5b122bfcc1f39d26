package org.llmrecon.provider.openai;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.PriceTable;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * A {@link ProviderConfig} checked and resolved for HTTP use; the params that set {@link CallLimits} are taken
 * out of those sent in request bodies. An empty API key is accepted only for a
 * loopback base URL, because OpenAI-compatible local servers usually need none and remote ones always do.
 */
record ProviderSettings(String type, ProviderConfig config, URI baseUri, boolean https, Duration timeout, String defaultModel,
        Map<String, String> headers, Map<String, String> params, CallLimits limits, PriceTable prices) {

    static final String TYPE = "openai";
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "content-type", "accept");
    private static final Set<String> RESERVED_PARAMS = Set.of("model", "messages", "prompt", "input", "stream");

    static ProviderSettings from(ProviderConfig config) {
        return from(TYPE, DEFAULT_BASE_URL, ModelCatalog.PRICES, config, name -> false);
    }

    /**
     * @param type the provider type the configuration must name; messages start with it
     * @param defaultBaseUrl used when none is configured; {@code null} makes {@code baseUrl} required
     * @param prices the type's shipped prices, before the configuration's overrides
     * @param ownParam the params the type reads itself, which are never sent in a request body
     */
    static ProviderSettings from(String type, String defaultBaseUrl, PriceTable prices, ProviderConfig config,
            Predicate<String> ownParam) {
        if (!type.equals(config.type())) {
            throw invalid(type, "type is '" + config.type() + "', expected '" + type + "'");
        }
        URI base = baseUri(type, config.baseUrl(), defaultBaseUrl);
        if (config.apiKey().isEmpty() && !isLoopback(base.getHost())) {
            throw invalid(type, "apiKey is missing (only a loopback baseUrl may go without one)");
        }
        if (!config.apiKey().reveal().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid(type, "apiKey contains spaces, line breaks or other characters an HTTP header cannot carry");
        }
        if (config.orgId() != null && !headerValue(config.orgId())) {
            throw invalid(type, "orgId contains line breaks or control characters");
        }
        if (config.timeout().isZero() || config.timeout().isNegative()) {
            throw invalid(type, "timeout must be positive, was " + config.timeout());
        }
        config.additionalHeaders().forEach((name, value) -> {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw invalid(type, "header '" + shown(name) + "' cannot be configured");
            }
            if (value == null || !headerValue(value)) {
                throw invalid(type, "header '" + shown(name) + "' has no value, or line breaks or control characters in it");
            }
        });
        for (String name : config.additionalParams().keySet()) {
            String bare = name.substring(name.indexOf('.') + 1);
            if (!ownParam.test(name) && RESERVED_PARAMS.contains(bare)) {
                throw invalid(type, "param '" + shown(name) + "' is set by the provider itself and cannot be configured");
            }
        }
        CallLimits limits = CallLimits.from(type, config.additionalParams());
        Map<String, String> bodyParams = new LinkedHashMap<>(config.additionalParams());
        bodyParams.keySet().removeIf(name -> CallLimits.canonical(name) != null || ownParam.test(name));
        String model = config.defaultModel() == null || config.defaultModel().isBlank() ? null : config.defaultModel();
        return new ProviderSettings(type, config, base, "https".equals(base.getScheme()), config.timeout(), model,
                config.additionalHeaders(), Collections.unmodifiableMap(bodyParams), limits,
                prices.withOverrides(config.additionalParams()));
    }

    /** @return the path of the base URL plus {@code path}, with the base URL's query kept */
    URI resolve(String path) {
        String query = baseUri.getRawQuery() == null ? "" : "?" + baseUri.getRawQuery();
        return URI.create(root() + path + query);
    }

    /** @return scheme, authority and path of the base URL, without its query and trailing slashes */
    String root() {
        String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return baseUri.getScheme() + "://" + baseUri.getRawAuthority() + path.substring(0, end);
    }

    private static URI baseUri(String type, String baseUrl, String defaultBaseUrl) {
        if ((baseUrl == null || baseUrl.isBlank()) && defaultBaseUrl == null) {
            throw invalid(type, "baseUrl is missing");
        }
        String text = baseUrl == null || baseUrl.isBlank() ? defaultBaseUrl : baseUrl.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(type, "baseUrl is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(type, "baseUrl must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(type, "baseUrl must not carry credentials; use apiKey or a header instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(type, "baseUrl has no host");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(type, "baseUrl must not have a #fragment");
        }
        return URI.create(scheme + text.substring(scheme.length()));
    }

    /** @return a configured name as a message may show it: one line, not too long */
    static String shown(String name) {
        String cut = name.length() > 60 ? name.substring(0, 60) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean headerValue(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f));
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
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    static InvalidConfigException invalid(String type, String reason) {
        return new InvalidConfigException(type + ": " + reason);
    }
}
