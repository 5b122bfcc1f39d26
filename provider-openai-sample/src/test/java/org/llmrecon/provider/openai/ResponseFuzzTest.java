package org.llmrecon.provider.openai;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.Secret;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes the readers of whole answers: {@link AnswerJson} and {@link ResponseParser} for every operation, and
 * {@link ErrorMapping} for error answers. Arbitrary and mutated bodies give a result or one line.
 */
class ResponseFuzzTest {
    private static final ErrorMapping ERRORS = new ErrorMapping("openai", new Redaction(Secret.of(OpenAiProviderTest.KEY)),
            "not found", Clock.systemUTC());
    private static final String CHAT = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\",\"tool_calls\":[{\"id\":"
            + "\"t\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}],\"function_call\":"
            + "{\"name\":\"g\"}},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
    private static final String COMPLETION = "{\"id\":\"x\",\"choices\":[{\"index\":0,\"text\":\"a\",\"finish_reason\":"
            + "\"length\"}]}";
    private static final String EMBEDDINGS = "{\"model\":\"e\",\"data\":[{\"index\":1,\"embedding\":[0.5,-1e3,2]},"
            + "{\"index\":0,\"embedding\":[]}],\"usage\":{\"total_tokens\":2}}";
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"owned_by\":\"o\"},"
            + "{\"id\":\"ft:gpt-4o-mini:x\"}]}";
    private static final String ERROR = "{\"error\":{\"message\":\"bad " + OpenAiProviderTest.KEY + "\",\"type\":\"t\","
            + "\"param\":\"p\",\"code\":\"c\"},\"detail\":[{\"loc\":[\"body\",\"x\"],\"msg\":\"m\"}],\"validation\":"
            + "[{\"location\":[\"q\"],\"message\":\"n\"}]}";

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(Mutations.of(CHAT, COMPLETION, EMBEDDINGS, MODELS, ERROR), Mutations.bytes(2000));
    }

    @Provide
    Arbitrary<String> mediaTypes() {
        return Arbitraries.of("application/json", "", "text/html", "application/problem+json", "text/plain\u0007");
    }

    @Property(seed = "20261206")
    void everyParserGivesAResultOrOneLine(@ForAll("bodies") byte[] body, @ForAll("mediaTypes") String type) {
        JsonNode root;
        try {
            root = AnswerJson.parse("POST /chat/completions", body, type, "127.0.0.1:1", ERRORS);
        } catch (ProviderException e) {
            SseFuzzTest.assertOneLine(e);
            return;
        }
        for (Runnable parse : List.<Runnable>of(() -> ResponseParser.chat("openai", "POST /chat/completions", root),
                () -> ResponseParser.completion("openai", "POST /completions", root),
                () -> ResponseParser.embeddings("openai", "POST /embeddings", root),
                () -> ResponseParser.models("openai", "GET /models", root))) {
            try {
                parse.run();
            } catch (ProviderException e) {
                SseFuzzTest.assertOneLine(e);
            }
        }
    }

    @Property(seed = "20261207")
    void errorAnswersAreOneLineWithoutTheKey(@ForAll("bodies") byte[] body, @ForAll @IntRange(min = 300, max = 599)
            int status, @ForAll("retryAfter") String retryAfter) {
        HttpHeaders headers = HttpHeaders.of(Map.of("retry-after", List.of(retryAfter), "location",
                List.of(new String(body, StandardCharsets.UTF_8))), (a, b) -> true);
        SseFuzzTest.assertOneLine(ERRORS.toException("POST /chat/completions", status, headers, body));
    }

    @Provide
    Arbitrary<String> retryAfter() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("7", "-1", "99999999999999999999", "Thu, 01 Jan 2026 00:01:30 GMT", "1.5", ""));
    }
}
