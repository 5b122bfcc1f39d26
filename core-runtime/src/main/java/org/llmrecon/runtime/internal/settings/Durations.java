package org.llmrecon.runtime.internal.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;

/** Parses durations written as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT30S}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * @param text the duration text; a bare number means seconds
     * @return the duration
     * @throws IllegalArgumentException naming the text when it is malformed or negative
     */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(t);
            if (d.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: '" + text + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 2m or PT30S)");
        }
    }

    /**
     * @param context where the framework property is read
     * @param name the framework property
     * @param fallback the duration when the property is not set
     * @return the property's duration
     * @throws IllegalArgumentException naming the property and its value when the value is malformed
     */
    public static Duration property(BundleContext context, String name, Duration fallback) {
        String value = context.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("framework property " + name + ": " + e.getMessage());
        }
    }

    /** @param d a duration @return it in the short form, e.g. {@code 30s} or {@code 500ms} */
    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
