package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Duration;

import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.Secret;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the event-stream path: {@link SseReader} alone, and bytes through {@link EventStream},
 * {@link ChatStreaming} and {@link StreamAssembler} as a streamed chat answer. Arbitrary and mutated input gives
 * events, a chat response, or one of the documented failures in one line; never another exception.
 */
class SseFuzzTest {
    private static final String CHUNK = "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
            + "{\"role\":\"assistant\",\"content\":\"Hel\",\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"function\":"
            + "{\"name\":\"f\",\"arguments\":\"{\\\"a\\\"\"}}]},\"finish_reason\":null}]}\n\n";
    private static final String STREAM = ": hi\r\n" + CHUNK + "event: message\ndata: {\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1}}\n\n"
            + "data: [DONE]\n\n";
    private static final String ERROR = "event: error\ndata: {\"error\":{\"message\":\"overloaded\",\"code\":"
            + "\"busy\"}}\n\n";
    private static final CallLimits SMALL = new CallLimits(4096, 512, 1024, 2048, Duration.ofSeconds(5));

    @Provide
    Arbitrary<byte[]> streams() {
        return Arbitraries.oneOf(Mutations.of(STREAM, ERROR, CHUNK + CHUNK, "data: {\"choices\":[]}\n\ndata: [DONE]"),
                Mutations.bytes(3000));
    }

    @Property(seed = "20261202")
    void sseReaderGivesEventsOrALimitOrAnEncodingError(@ForAll("streams") byte[] bytes) {
        readAll(bytes);
    }

    @Property(seed = "20261204")
    void streamedChatGivesAResponseOrOneLine(@ForAll("streams") byte[] bytes) {
        chat(bytes);
    }

    private static void readAll(byte[] bytes) {
        SseReader reader = new SseReader(new ByteArrayInputStream(bytes), 512, 1024);
        try {
            for (int i = 0; i <= bytes.length && reader.next() != null; i++) {
                // every event is a step towards the end; more events than bytes would mean a loop
            }
        } catch (SseReader.LimitExceeded | CharacterCodingException e) {
            // documented
        } catch (IOException e) {
            throw new AssertionError("undocumented failure", e);
        }
    }

    private static void chat(byte[] bytes) {
        ErrorMapping errors = new ErrorMapping("openai", new Redaction(Secret.of(OpenAiProviderTest.KEY)), "not found",
                Clock.systemUTC());
        try (EventStream stream = new BodyResponse(200, "text/event-stream", bytes).stream(SMALL)) {
            ChatResponse response = new ChatStreaming(stream, errors, SMALL.maxStreamBytes(), "127.0.0.1:1")
                    .deliverTo(chunk -> true);
            assertTrue(response.choices() != null);
        } catch (ProviderException e) {
            assertOneLine(e);
        }
    }

    static void assertOneLine(ProviderException e) {
        assertTrue(e.getMessage().startsWith("openai: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains(OpenAiProviderTest.KEY), e.getMessage());
    }
}
