package org.llmrecon.gateway.internal.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;

class ProviderErrorsTest {

    @Test
    void aProviderErrorKeepsItsStatusAndMessage() {
        GatewayException e = ProviderErrors.of(new ServerException("upstream: overloaded", 529, null));
        assertEquals(529, e.status());
        assertEquals("upstream: overloaded", e.getMessage());
        assertEquals("server_error", e.type());
        assertEquals(401, ProviderErrors.of(new AuthenticationException("bad upstream key", 401, null)).status());
    }

    @Test
    void withoutAStatusTheKindDecides() {
        GatewayException limited = ProviderErrors.of(new RateLimitException("slow down", Duration.ofSeconds(3), null));
        assertEquals(429, limited.status());
        assertEquals(Duration.ofSeconds(3), limited.retryAfter());
        assertEquals("rate_limit", ProviderErrors.kind(new RateLimitException("x", null, null)));
        assertEquals(503, ProviderErrors.of(new ProviderUnavailableException("plugin gone")).status());
        assertEquals(502, ProviderErrors.of(new ProviderException("odd")).status());
        assertNull(ProviderErrors.of(new ProviderException("odd")).retryAfter());
    }

    @Test
    void onlyTheFirstLineOfAMessageReachesTheClient() {
        assertEquals("first", ProviderErrors.of(new ProviderException("first\n\tat some.Frame")).getMessage());
    }
}
