package org.llmrecon.api.provider;

import java.util.Objects;

/**
 * The price of a model per token.
 *
 * @param inputPricePerToken price of one prompt token
 * @param outputPricePerToken price of one completion token
 * @param currency ISO currency code, e.g. {@code USD}
 * @since 1.0.0
 */
public record Pricing(double inputPricePerToken, double outputPricePerToken, String currency) {

    /** Checks that the prices are finite and not negative and that there is a currency. */
    public Pricing {
        Objects.requireNonNull(currency, "currency");
        if (!(inputPricePerToken >= 0 && outputPricePerToken >= 0) || Double.isInfinite(inputPricePerToken)
                || Double.isInfinite(outputPricePerToken)) {
            throw new IllegalArgumentException("prices must be finite and not negative: " + inputPricePerToken + ", "
                    + outputPricePerToken);
        }
    }

    /**
     * @param input price of a million prompt tokens, as vendors publish it
     * @param output price of a million completion tokens
     * @param currency ISO currency code
     * @return the pricing per token
     */
    public static Pricing perMillionTokens(double input, double output, String currency) {
        return new Pricing(input / 1_000_000d, output / 1_000_000d, currency);
    }

    /**
     * @param usage the tokens of one call
     * @return what they cost, in {@link #currency()}
     */
    public double cost(Usage usage) {
        return usage.promptTokens() * inputPricePerToken + usage.completionTokens() * outputPricePerToken;
    }
}
