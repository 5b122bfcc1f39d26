package org.llmrecon.api.runtime;

import java.util.Objects;

/**
 * An amount of money spent on calls, computed from the tokens they used and their models' prices.
 *
 * @param amount the amount, not negative
 * @param currency ISO currency code, e.g. {@code USD}
 * @since 1.0.0
 */
public record Cost(double amount, String currency) {

    /** Nothing spent, in US dollars. */
    public static final Cost ZERO = new Cost(0, "USD");

    /** Checks the amount and the currency. */
    public Cost {
        Objects.requireNonNull(currency, "currency");
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("a cost must be finite and not negative, not " + amount);
        }
    }
}
