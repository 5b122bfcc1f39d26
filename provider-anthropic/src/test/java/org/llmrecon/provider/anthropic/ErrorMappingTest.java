package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;

class ErrorMappingTest extends AgainstFakeServer {

    private ProviderException fails(int status, String type, String retryAfter, boolean stream) {
        server.next(exchange -> {
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("retry-after", retryAfter);
            }
            FakeAnthropic.error(exchange, status, type, "it went wrong for " + Anthropics.KEY);
        });
        return assertThrows(ProviderException.class, () -> {
            if (stream) {
                provider.chatStream(Anthropics.hello(), chunk -> true);
            } else {
                provider.chat(Anthropics.hello());
            }
        });
    }

    @Test
    void rateLimitsAreRetryableAfterTheirRetryAfter() {
        for (boolean stream : new boolean[] {false, true}) {
            RateLimitException e = (RateLimitException) fails(429, "rate_limit_error", "7", stream);
            assertTrue(e.retryable());
            assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
            assertEquals("anthropic target 'anthropic': POST /v1/messages failed with HTTP 429 rate_limit_error: it"
                    + " went wrong for ***", e.getMessage());
        }
    }

    @Test
    void overloadedIsARetryableServerError() {
        ServerException e = (ServerException) fails(529, "overloaded_error", null, false);
        assertEquals(529, e.status());
        assertTrue(e.retryable());
        assertTrue(fails(500, "api_error", null, true).retryable());
    }

    @Test
    void clientErrorsAreNotRetryable() {
        assertTrue(fails(400, "invalid_request_error", null, false) instanceof InvalidRequestException);
        assertTrue(fails(401, "authentication_error", null, false) instanceof AuthenticationException);
        assertTrue(fails(403, "permission_error", null, true) instanceof AuthenticationException);
        assertTrue(fails(404, "not_found_error", null, false) instanceof ModelNotFoundException);
        assertTrue(fails(413, "request_too_large", null, false) instanceof InvalidRequestException);
        ProviderException other = fails(409, "conflict", null, false);
        assertEquals(409, other.status());
        for (int status : new int[] {400, 401, 403, 404, 413, 409}) {
            assertFalse(fails(status, "x", null, false).retryable(), "HTTP " + status);
        }
    }

    @Test
    void aBodyThatIsNotTheApisErrorIsQuotedScrubbedAndShort() {
        server.next(exchange -> {
            byte[] body = ("<html>\n" + Anthropics.KEY + " " + "x".repeat(500)).getBytes();
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
        });
        ServerException e = assertThrows(ServerException.class, () -> provider.chat(Anthropics.hello()));
        assertTrue(e.getMessage().startsWith("anthropic target 'anthropic': POST /v1/messages failed with HTTP 502:"
                + " body starts with: <html> ***"), e.getMessage());
        assertFalse(e.getMessage().contains(Anthropics.KEY));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }
}
