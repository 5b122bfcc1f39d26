package org.llmrecon.provider.openai;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.PriceTable;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * A {@link ProviderConfig} of type {@code azure-openai}: {@code baseUrl} is the resource endpoint
 * ({@code https://myres.openai.azure.com}, required), {@code param.apiVersion} the API version (default
 * {@value #DEFAULT_API_VERSION}, the latest GA version of the inference API), and
 * {@code param.deployment.<model>=<deployment>} maps a model to the deployment that serves it; a model with no
 * mapping is sent to the deployment of its own name. These params are never sent in a request body.
 */
record AzureSettings(ProviderSettings http, String apiVersion, Map<String, String> deployments) {
    static final String TYPE = "azure-openai";
    static final String DEFAULT_API_VERSION = "2024-10-21";
    /** The prices the bundle ships for Azure, before a target's overrides. */
    static final PriceTable PRICES = PriceTable.resource(AzureSettings.class, "/META-INF/llmrecon/azure-openai-prices.json");
    static final String API_VERSION = "apiversion";
    static final String DEPLOYMENT = "deployment.";
    /** Azure's rule for deployment names: letters, digits, {@code -}, {@code _}, {@code .}, at most 64. */
    private static final String DEPLOYMENT_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String VERSION = "\\d{4}-\\d{2}-\\d{2}(-[a-z]+)?";

    static AzureSettings from(ProviderConfig config) {
        ProviderSettings http = ProviderSettings.from(TYPE, null, PRICES, config, AzureSettings::own);
        String path = http.baseUri().getRawPath() == null ? "" : http.baseUri().getRawPath();
        if (path.replaceAll("/+$", "").endsWith("/openai") || path.contains("/deployments")) {
            throw invalid("baseUrl is the resource endpoint, such as https://myres.openai.azure.com, without /openai"
                    + " or a deployment");
        }
        if (http.baseUri().getRawQuery() != null) {
            throw invalid("baseUrl must not have a query; set the API version with param.apiVersion");
        }
        String version = DEFAULT_API_VERSION;
        Map<String, String> deployments = new TreeMap<>();
        for (Map.Entry<String, String> param : config.additionalParams().entrySet()) {
            String name = param.getKey();
            String value = param.getValue() == null ? "" : param.getValue().strip();
            if (name.toLowerCase(Locale.ROOT).equals(API_VERSION)) {
                if (!value.matches(VERSION)) {
                    throw invalid("param." + name + " must be an API version such as " + DEFAULT_API_VERSION
                            + " or 2025-04-01-preview, was '" + ProviderSettings.shown(value) + "'");
                }
                version = value;
            } else if (own(name)) {
                String model = name.length() > DEPLOYMENT.length() ? name.substring(DEPLOYMENT.length()) : "";
                if (model.isBlank() || !model.strip().equals(model) || model.chars().anyMatch(Character::isISOControl)) {
                    throw invalid("param." + ProviderSettings.shown(name) + " names no model; write"
                            + " param.deployment.<model>=<deployment>");
                }
                if (!value.matches(DEPLOYMENT_NAME)) {
                    throw invalid("param." + ProviderSettings.shown(name) + " must name a deployment (letters, digits,"
                            + " '-', '_', '.', at most 64), was '" + ProviderSettings.shown(value) + "'");
                }
                deployments.put(model, value);
            }
        }
        return new AzureSettings(http, version, Collections.unmodifiableMap(deployments));
    }

    /** @return whether the param is one of Azure's own settings, read here and never sent in a body */
    static boolean own(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(API_VERSION) || lower.startsWith(DEPLOYMENT) || lower.equals("deployment");
    }

    /** @return the deployment that serves {@code model}: the configured one, else the model's own name */
    String deployment(String model) {
        return deployments.getOrDefault(model, model);
    }

    private static InvalidConfigException invalid(String reason) {
        return ProviderSettings.invalid(TYPE, reason);
    }
}
