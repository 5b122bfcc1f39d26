package org.llmrecon.api.provider;

/**
 * The price of a model per token.
 *
 * @param inputPricePerToken price of one prompt token
 * @param outputPricePerToken price of one completion token
 * @param currency ISO currency code, e.g. {@code USD}
 * @since 1.0.0
 */
public record Pricing(double inputPricePerToken, double outputPricePerToken, String currency) {
}
