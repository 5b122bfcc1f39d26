package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void delaySeconds() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse(" 0 ", NOW));
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse("1.5", NOW));
    }

    @Test
    void httpDate() {
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", NOW), "a past date means now");
    }

    @Test
    void unreadableIsNull() {
        assertNull(RetryAfter.parse("later", NOW));
        assertNull(RetryAfter.parse("-5", NOW));
        assertNull(RetryAfter.parse("", NOW));
    }

    @Test
    void millisecondHeaderWins() {
        HttpHeaders headers = HttpHeaders.of(Map.of("retry-after-ms", List.of("250"), "Retry-After", List.of("9")),
                (a, b) -> true);
        assertEquals(Duration.ofMillis(250), RetryAfter.from(headers, NOW));
        assertEquals(Duration.ofSeconds(9), RetryAfter.from(HttpHeaders.of(Map.of("Retry-After", List.of("9")),
                (a, b) -> true), NOW));
        assertNull(RetryAfter.from(HttpHeaders.of(Map.of(), (a, b) -> true), NOW));
    }
}
