package org.llmrecon.provider.openai;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.ProviderException;

/**
 * What one call may cost, so that a server that never stops sending fails its own call and nothing else. Read
 * from the target's params ({@code param.maxResponseBytes=4MiB}, {@code param.streamIdleTimeout=30s}); these
 * names are the provider's own and are never sent to the server. The defaults are far above any real answer.
 *
 * @param maxResponseBytes the largest body of an answer that is not a stream
 * @param maxLineBytes the longest line of an event stream
 * @param maxEventBytes the largest data of one event
 * @param maxStreamBytes the largest text a stream's assembled answer may hold (content and tool arguments)
 * @param streamIdleTimeout the longest wait for the next bytes of a stream, within the call's deadline
 */
record CallLimits(long maxResponseBytes, int maxLineBytes, int maxEventBytes, long maxStreamBytes,
        Duration streamIdleTimeout) {

    static final String MAX_RESPONSE_BYTES = "maxResponseBytes";
    static final String MAX_LINE_BYTES = "maxLineBytes";
    static final String MAX_EVENT_BYTES = "maxEventBytes";
    static final String MAX_STREAM_BYTES = "maxStreamBytes";
    static final String STREAM_IDLE_TIMEOUT = "streamIdleTimeout";
    static final Set<String> NAMES = Set.of(MAX_RESPONSE_BYTES, MAX_LINE_BYTES, MAX_EVENT_BYTES, MAX_STREAM_BYTES,
            STREAM_IDLE_TIMEOUT);

    static final long DEFAULT_BYTES = 16L << 20;
    static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");
    private static final Pattern TIME = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m)");
    private static final int MAX_INT_LIMIT = Integer.MAX_VALUE - 16;

    static CallLimits defaults() {
        return new CallLimits(DEFAULT_BYTES, (int) DEFAULT_BYTES, (int) DEFAULT_BYTES, DEFAULT_BYTES, DEFAULT_IDLE);
    }

    /**
     * @param params the target's params, limits among them (names matched ignoring case)
     * @return the limits, defaults where a param is absent
     * @throws InvalidConfigException naming the param when a value is malformed or not positive
     */
    static CallLimits from(String type, Map<String, String> params) {
        Map<String, String> given = new HashMap<>();
        params.forEach((name, value) -> {
            String known = canonical(name);
            if (known != null) {
                given.put(known, value);
            }
        });
        return new CallLimits(bytes(type, given, MAX_RESPONSE_BYTES, Long.MAX_VALUE),
                (int) bytes(type, given, MAX_LINE_BYTES, MAX_INT_LIMIT), (int) bytes(type, given, MAX_EVENT_BYTES, MAX_INT_LIMIT),
                bytes(type, given, MAX_STREAM_BYTES, MAX_INT_LIMIT), duration(type, given, STREAM_IDLE_TIMEOUT));
    }

    /** @return the limit's own spelling when {@code param} names one, else {@code null} */
    static String canonical(String param) {
        return NAMES.stream().filter(n -> n.equalsIgnoreCase(param)).findFirst().orElse(null);
    }

    private static long bytes(String type, Map<String, String> given, String name, long max) {
        String value = given.get(name);
        if (value == null) {
            return Math.min(DEFAULT_BYTES, max);
        }
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(type, name, "a size such as 1048576, 512KiB or 16MiB", value);
        }
        int shift = switch (m.group(2).isEmpty() ? 'b' : m.group(2).charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        long number = Long.parseLong(m.group(1));
        if (number == 0 || number > (max >> shift)) {
            throw invalid(type, name, "between 1 byte and " + max + " bytes", value);
        }
        return number << shift;
    }

    private static Duration duration(String type, Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            return DEFAULT_IDLE;
        }
        Matcher m = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw invalid(type, name, "a positive duration such as 500ms, 30s or 2m", value);
        }
        long number = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(number);
            case "s" -> Duration.ofSeconds(number);
            default -> Duration.ofMinutes(number);
        };
    }

    /** @return the one-line failure of a call whose answer went past a limit */
    static ProviderException exceeded(String type, String call, SseReader.LimitExceeded e, String where) {
        return new ProviderException(type + ": " + call + " answer " + e.getMessage() + ", " + where + "; raise param."
                + e.limit() + " if that is expected", 0, "response_too_large", e.limit(), null, false, null, e);
    }

    private static InvalidConfigException invalid(String type, String name, String expected, String value) {
        return ProviderSettings.invalid(type, "param." + name + " must be " + expected
                + ", was '" + ProviderSettings.shown(value) + "'");
    }
}
