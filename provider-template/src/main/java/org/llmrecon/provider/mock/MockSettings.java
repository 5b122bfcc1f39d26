package org.llmrecon.provider.mock;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.PriceTable;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * The mock's own settings, read from {@link ProviderConfig#additionalParams()}
 * (Config Admin keys {@code param.<name>}). Every problem is reported as one
 * {@link InvalidConfigException} line naming the key; values of unknown keys
 * are never echoed, in case they hold something secret.
 *
 * @param latency wait before each request is answered
 * @param tokenDelay wait between two streamed chunks
 * @param fault the injected fault
 * @param faultCount how many calls fail at most; 0 for no limit
 * @param faultEvery only every Nth call fails; 0 or 1 for every call
 * @param retryAfter the Retry-After of 429 and 503 faults
 * @param reply the answer template; {@code {prompt}} stands for the prompt
 * @param prices the models' prices with the target's {@code pricing.<model>.*} overrides
 */
record MockSettings(Duration latency, Duration tokenDelay, Fault fault, int faultCount, int faultEvery,
        Duration retryAfter, String reply, PriceTable prices) {

    static final String LATENCY = "latency";
    static final String TOKEN_DELAY = "tokenDelay";
    static final String FAULT = "fault";
    static final String FAULT_COUNT = "faultCount";
    static final String FAULT_EVERY = "faultEvery";
    static final String RETRY_AFTER = "retryAfter";
    static final String REPLY = "reply";
    static final List<String> KEYS = List.of(LATENCY, TOKEN_DELAY, FAULT, FAULT_COUNT, FAULT_EVERY, RETRY_AFTER, REPLY);

    static final String DEFAULT_REPLY = "Echo: {prompt}";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    /**
     * @param config a configuration of type {@code mock}
     * @return its settings
     * @throws InvalidConfigException naming the first key at fault
     */
    static MockSettings from(ProviderConfig config) {
        if (!MockPlugin.TYPE.equals(config.type())) {
            throw new InvalidConfigException("type: the mock plugin serves type 'mock', not '" + config.type() + "'");
        }
        if (config.defaultModel() != null && !MockModels.ids().contains(config.defaultModel())) {
            throw new InvalidConfigException("defaultModel: '" + config.defaultModel() + "' is not a mock model (known: "
                    + String.join(", ", MockModels.ids()) + ")");
        }
        Map<String, String> params = config.additionalParams();
        for (String key : params.keySet()) {
            if (!KEYS.contains(key) && !key.startsWith(PriceTable.PREFIX)) {
                throw new InvalidConfigException("param." + key + ": not a mock parameter (known: "
                        + String.join(", ", KEYS) + ")");
            }
        }
        String faultText = params.getOrDefault(FAULT, "none");
        Fault fault = Fault.parse(faultText).orElseThrow(() -> invalid(FAULT, faultText,
                "is not a fault (write " + Fault.SYNTAX + ")"));
        return new MockSettings(duration(params, LATENCY, Duration.ZERO), duration(params, TOKEN_DELAY, Duration.ZERO),
                fault, positive(params, FAULT_COUNT), positive(params, FAULT_EVERY),
                duration(params, RETRY_AFTER, Duration.ofSeconds(1)), params.getOrDefault(REPLY, DEFAULT_REPLY),
                MockModels.PRICES.withOverrides(params));
    }

    private static Duration duration(Map<String, String> params, String key, Duration fallback) {
        String text = params.get(key);
        if (text == null) {
            return fallback;
        }
        String value = text.trim();
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the accepted forms
        }
        throw invalid(key, text, "is not a duration (write 50ms, 2s, 1m, 1h or ISO-8601 such as PT0.05S)");
    }

    private static int positive(Map<String, String> params, String key) {
        String text = params.get(key);
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, text, "is not a positive whole number");
    }

    private static InvalidConfigException invalid(String key, String value, String reason) {
        return new InvalidConfigException("param." + key + ": '" + value + "' " + reason);
    }
}
