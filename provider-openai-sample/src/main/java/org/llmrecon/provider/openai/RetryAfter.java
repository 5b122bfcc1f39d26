package org.llmrecon.provider.openai;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads how long a server asked to wait: {@code retry-after-ms} (sent by OpenAI), else {@code Retry-After}
 * as delay-seconds or an HTTP date (RFC 9110). A date in the past gives zero; anything unreadable gives null.
 */
final class RetryAfter {
    private RetryAfter() {
    }

    static Duration from(HttpHeaders headers, Clock clock) {
        Duration millis = headers.firstValue("retry-after-ms").map(RetryAfter::millis).orElse(null);
        return millis != null ? millis : headers.firstValue("retry-after").map(v -> parse(v, clock)).orElse(null);
    }

    static Duration parse(String value, Clock clock) {
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.matches("\\d{1,9}\\.\\d+")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        }
        try {
            Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration millis(String value) {
        String text = value.trim();
        return text.matches("\\d{1,12}(\\.\\d+)?") ? Duration.ofMillis(Math.round(Double.parseDouble(text))) : null;
    }
}
