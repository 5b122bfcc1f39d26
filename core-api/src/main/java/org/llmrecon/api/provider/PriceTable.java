package org.llmrecon.api.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prices of the models a provider knows: the table its bundle ships, with a target's overrides applied.
 * The table is JSON, prices per million tokens as vendors publish them, with the date they were taken:
 * <pre>
 * {"currency": "USD", "taken": "2025-11-24", "source": "https://...",
 *  "models": {"model-a": {"input": 3.0, "output": 15.0}}}
 * </pre>
 * A target overrides or adds a price with the configuration keys {@code pricing.<model>.input} and
 * {@code pricing.<model>.output} (per million tokens, in the table's currency), which reach the provider as
 * parameters of its {@link ProviderConfig}. A model the table does not list needs both.
 *
 * @since 1.0.0
 */
public final class PriceTable {
    /** The prefix of the override keys. */
    public static final String PREFIX = "pricing.";

    private static final Pattern OVERRIDE = Pattern.compile("pricing\\.(.+)\\.(input|output)");
    private static final Pattern SNAPSHOT = Pattern.compile("(.+)-(\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest)");
    private static final int MAX_BYTES = 1 << 20;

    private final String currency;
    private final String taken;
    private final Map<String, Pricing> prices;

    private PriceTable(String currency, String taken, Map<String, Pricing> prices) {
        this.currency = currency;
        this.taken = taken;
        this.prices = Map.copyOf(prices);
    }

    /**
     * Reads a table shipped as a resource beside {@code owner}, e.g. {@code "/META-INF/llmrecon/prices.json"}.
     *
     * @param owner a class of the bundle that ships the table
     * @param path the resource path
     * @return the table
     * @throws IllegalStateException naming the resource when it is missing or malformed
     */
    public static PriceTable resource(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + ": no such resource in the bundle of " + owner.getName());
            }
            return read(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be read", e);
        }
    }

    /**
     * @param name the table's name, for error messages
     * @param json the table as JSON
     * @return the table
     * @throws IllegalStateException naming the table and the fault when it is malformed
     * @throws IOException when it cannot be read
     */
    public static PriceTable read(String name, InputStream json) throws IOException {
        byte[] bytes = json.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalStateException(name + ": larger than " + MAX_BYTES + " bytes");
        }
        try {
            Map<String, Object> root = JsonText.object(JsonText.parse(new String(bytes, StandardCharsets.UTF_8)),
                    "the document");
            String currency = JsonText.string(root.get("currency"), "currency");
            Map<String, Pricing> prices = new LinkedHashMap<>();
            JsonText.object(root.get("models"), "models").forEach((model, value) -> {
                Map<String, Object> price = JsonText.object(value, "models." + model);
                prices.put(model, Pricing.perMillionTokens(JsonText.number(price.get("input"), model + ".input"),
                        JsonText.number(price.get("output"), model + ".output"), currency));
            });
            return new PriceTable(currency, JsonText.string(root.get("taken"), "taken"), prices);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param params a target's parameters ({@link ProviderConfig#additionalParams()}); keys other than
     *        {@code pricing.*} are ignored
     * @return this table with the target's prices applied
     * @throws InvalidConfigException naming the key when a price is malformed or half given
     */
    public PriceTable withOverrides(Map<String, String> params) {
        Map<String, double[]> perMillion = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            Matcher m = OVERRIDE.matcher(e.getKey());
            if (!m.matches()) {
                throw new InvalidConfigException(e.getKey() + ": write pricing.<model>.input or pricing.<model>.output");
            }
            double[] price = perMillion.computeIfAbsent(m.group(1), model -> perMillionOf(prices.get(model)));
            price[m.group(2).equals("input") ? 0 : 1] = price(e.getKey(), e.getValue());
        }
        if (perMillion.isEmpty()) {
            return this;
        }
        Map<String, Pricing> merged = new LinkedHashMap<>(prices);
        perMillion.forEach((model, price) -> {
            if (Double.isNaN(price[0]) || Double.isNaN(price[1])) {
                throw new InvalidConfigException(PREFIX + model + "." + (Double.isNaN(price[0]) ? "input" : "output")
                        + ": missing; a model without a listed price needs both input and output");
            }
            merged.put(model, Pricing.perMillionTokens(price[0], price[1], currency));
        });
        return new PriceTable(currency, taken, merged);
    }

    /**
     * @param modelId a model id; a dated snapshot ({@code model-20250929}, {@code model-2024-08-06}) or
     *        {@code model-latest} has the price of {@code model} unless the table lists it itself
     * @return its price, empty when unknown
     */
    public Optional<Pricing> price(String modelId) {
        if (modelId == null) {
            return Optional.empty();
        }
        Pricing exact = prices.get(modelId);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher m = SNAPSHOT.matcher(modelId);
        return Optional.ofNullable(m.matches() ? prices.get(m.group(1)) : null);
    }

    /** @return every price, by model id */
    public Map<String, Pricing> prices() {
        return prices;
    }

    /** @return the currency of the prices */
    public String currency() {
        return currency;
    }

    /** @return the date the shipped prices were taken, as the table says it */
    public String taken() {
        return taken;
    }

    private static double[] perMillionOf(Pricing pricing) {
        return pricing == null ? new double[] {Double.NaN, Double.NaN}
                : new double[] {pricing.inputPricePerToken() * 1_000_000d, pricing.outputPricePerToken() * 1_000_000d};
    }

    private static double price(String key, String text) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.trim());
            if (value >= 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigException(key + ": '" + text + "' is not a price (a number of "
                + "currency units per million tokens, 0 or more)");
    }

    @Override
    public String toString() {
        return "PriceTable[" + prices.size() + " models, " + currency + ", taken " + taken + "]";
    }
}
