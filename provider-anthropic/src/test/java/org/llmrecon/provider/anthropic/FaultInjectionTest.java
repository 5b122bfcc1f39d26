package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.RateLimitException;
import org.llmrecon.api.provider.ServerException;

class FaultInjectionTest {

    @ParameterizedTest
    @CsvSource({
        "status:400, 400, false",
        "status:422, 422, false",
        "status:401, 401, false",
        "status:403, 403, false",
        "status:404, 404, false",
        "status:409, 409, false",
        "status:429, 429, true",
        "rate-limit, 429, true",
        "status:500, 500, true",
        "status:502, 502, true",
        "status:503, 503, true",
    })
    void statusFaultsRaiseWhatARealProviderWould(String fault, int status, boolean retryable) {
        Provider provider = Anthropics.provider("fault", fault);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.chat(Anthropics.hello()));
        assertEquals(status, e.status());
        assertEquals(retryable, e.retryable());
        // ServerException's constructor takes no error code
        assertEquals(status >= 500 ? null : Fault.CODE, e.code());
        assertEquals("anthropic: injected HTTP " + status + " (call 1)", e.getMessage());
        Class<? extends ProviderException> expected = switch (status) {
            case 400, 422 -> InvalidRequestException.class;
            case 401, 403 -> AuthenticationException.class;
            case 404 -> ModelNotFoundException.class;
            case 429 -> RateLimitException.class;
            case 500, 502, 503 -> ServerException.class;
            default -> ProviderException.class;
        };
        assertEquals(expected, e.getClass());
    }

    @Test
    void rateLimitAndUnavailableCarryRetryAfter() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), assertThrows(RateLimitException.class,
                () -> Anthropics.provider("fault", "rate-limit").chat(Anthropics.hello())).retryAfter());
        assertEquals(Optional.of(Duration.ofMillis(250)), assertThrows(ServerException.class,
                () -> Anthropics.provider("fault", "status:503", "retryAfter", "250ms").chat(Anthropics.hello())).retryAfter());
        assertEquals(Optional.empty(), assertThrows(ServerException.class,
                () -> Anthropics.provider("fault", "status:500").chat(Anthropics.hello())).retryAfter());
    }

    @Test
    void everyRequestOperationIsSubjectToFaultsButMetadataIsNot() {
        Provider provider = Anthropics.provider("fault", "status:500");
        assertThrows(ServerException.class, () -> provider.complete(CompletionRequest.of(null, "x")));
        assertThrows(ServerException.class, () -> provider.embed(EmbeddingRequest.of(null, "x")));
        List<ChatChunk> chunks = new ArrayList<>();
        assertThrows(ServerException.class, () -> provider.chatStream(Anthropics.hello(), chunks::add));
        assertTrue(chunks.isEmpty());
        assertEquals(3, provider.listModels().size());
        assertEquals("anthropic-chat", provider.modelInfo("anthropic-chat").id());
        assertEquals(2, provider.countTokens("a b", null));
    }

    @Test
    void timeoutWaitsForTheConfiguredTimeoutThenFails() {
        ProviderConfig config = Anthropics.config("fault", "timeout").toBuilder().timeout(Duration.ofMillis(5)).build();
        ProviderTimeoutException e = assertThrows(ProviderTimeoutException.class,
                () -> Anthropics.provider(config).chat(Anthropics.hello()));
        assertTrue(e.retryable());
        assertEquals("anthropic: injected timeout, no answer within 5ms (call 1)", e.getMessage());
    }

    @Test
    void malformedFailsPlainCallsAtOnceAndStreamsHalfWay() {
        Provider provider = Anthropics.provider("fault", "malformed");
        assertThrows(MalformedResponseException.class, () -> provider.chat(Anthropics.hello()));
        List<String> received = new ArrayList<>();
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> provider.chatStream(Anthropics.hello(), chunk -> received.add(chunk.content())));
        assertEquals(List.of("Echo", ":"), received);
        assertEquals("anthropic: injected malformed chunk after 2 chunks (call 2)", e.getMessage());
    }

    @Test
    void faultCountFailsOnlyTheFirstCalls() {
        Provider provider = Anthropics.provider("fault", "status:503", "faultCount", "2");
        assertEquals(List.of(false, false, true, true), outcomes(provider, 4, p -> p.chat(Anthropics.hello())));
    }

    @Test
    void faultEveryFailsEveryNthCall() {
        Provider provider = Anthropics.provider("fault", "rate-limit", "faultEvery", "3");
        assertEquals(List.of(true, true, false, true, true, false, true),
                outcomes(provider, 7, p -> p.chat(Anthropics.hello())));
    }

    @Test
    void faultEveryAndCountCombine() {
        Provider provider = Anthropics.provider("fault", "status:500", "faultEvery", "2", "faultCount", "2");
        assertEquals(List.of(true, false, true, false, true, true, true),
                outcomes(provider, 7, p -> p.complete(CompletionRequest.of(null, "x"))));
    }

    @Test
    void noFaultByDefault() {
        Provider provider = Anthropics.provider("fault", "none", "faultCount", "1");
        assertFalse(outcomes(provider, 3, p -> p.chat(Anthropics.hello())).contains(false));
    }

    private static List<Boolean> outcomes(Provider provider, int calls, Consumer<Provider> call) {
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                call.accept(provider);
                outcomes.add(true);
            } catch (ProviderException e) {
                assertTrue(e.getMessage().startsWith("anthropic: injected"), e.getMessage());
                outcomes.add(false);
            }
        }
        return outcomes;
    }
}
