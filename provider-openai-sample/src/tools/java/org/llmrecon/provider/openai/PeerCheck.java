package org.llmrecon.provider.openai;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

/**
 * A manual tool, not a test (the build compiles it, never runs it): exercises the provider against real
 * OpenAI-compatible servers. Usage, with the peers from /work/shared/peers/peers.sh running:
 * {@code java -cp target/classes:target/tools-classes:<dependencies> org.llmrecon.provider.openai.PeerCheck NAME=BASE_URL ...}
 */
public final class PeerCheck {
    private PeerCheck() {
    }

    public static void main(String[] args) throws Exception {
        int exceptions = 0;
        for (String arg : args) {
            String name = arg.substring(0, arg.indexOf('='));
            String url = arg.substring(arg.indexOf('=') + 1);
            exceptions += check(name, url);
        }
        System.out.println(exceptions + " calls ended in an exception; judge each line above");
    }

    private static int check(String name, String url) {
        ProviderConfig.Builder base = ProviderConfig.builder("openai").apiKey("sk-peer").baseUrl(url)
                .timeout(Duration.ofSeconds(30)).defaultModel("gpt-4o-mini");
        List<String> failed = new ArrayList<>();
        try (OpenAiProvider p = new OpenAiProvider(base.build(), Clock.systemUTC())) {
            run(name, "models", failed, () -> p.listModels());
            run(name, "modelInfo", failed, () -> p.modelInfo("gpt-4o-mini"));
            run(name, "chat", failed, () -> p.chat(ChatRequest.builder().system("be brief").user("hello peer")
                    .maxTokens(20).temperature(0.5).build()).text());
            run(name, "chat+tools+json_schema", failed, () -> p.chat(ChatRequest.builder().user("weather?")
                    .tool(Tool.function("weather", "current weather",
                            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                    .toolChoice("auto").responseFormat("{\"title\":\"answer\",\"type\":\"object\"}").build()).choices());
            run(name, "chat with every field + tool round trip", failed, () -> p.chat(ChatRequest.builder()
                    .model("o3-mini").system("sys").user("call the tool")
                    .message(ChatMessage.builder("assistant").toolCalls(
                            List.of(new ToolCall("call_1", "function", "weather", "{\"city\":\"Oslo\"}"))).build())
                    .message(ChatMessage.builder("tool").content("{\"temp\":3}").toolCallId("call_1").build())
                    .maxTokens(30).temperature(1.0).topP(0.9).n(1).stop("END").presencePenalty(0.1)
                    .frequencyPenalty(0.2).logitBias("50256", -100).endUser("user-1").metadata("run", "peer")
                    .tool(Tool.function("weather", "current weather", "{\"type\":\"object\"}")).toolChoice("weather")
                    .responseFormat("{\"name\":\"answer\",\"strict\":true,\"schema\":{\"type\":\"object\"}}")
                    .build()).choices().size());
            run(name, "chat+json_object", failed, () -> p.chat(ChatRequest.builder().user("json please")
                    .responseFormat("json_object").stop("END").n(1).build()).text());
            run(name, "stream", failed, () -> {
                List<String> pieces = new ArrayList<>();
                long start = System.nanoTime();
                List<Long> at = new ArrayList<>();
                var response = p.chatStream(ChatRequest.builder().user("stream to me please").build(), c -> {
                    pieces.add(c.content());
                    at.add((System.nanoTime() - start) / 1_000_000);
                    return true;
                });
                return pieces.size() + " chunks " + pieces + " at ms " + at + " -> \"" + response.text() + "\" usage "
                        + response.usage();
            });
            run(name, "stream cancelled after 2 chunks", failed, () -> {
                int[] seen = {0};
                return p.chatStream(ChatRequest.builder().user("stop me early please").build(), c -> ++seen[0] < 2).text();
            });
            run(name, "completions", failed, () -> p.complete(new CompletionRequest("gpt-3.5-turbo-instruct", "Say hi",
                    5, 0.0, null, null, List.of("\n"), null)));
            run(name, "embeddings", failed, () -> p.embed(EmbeddingRequest.of("text-embedding-3-small", "a", "b")));
            run(name, "countTokens", failed, () -> p.countTokens("hello world", null));
        }
        try (OpenAiProvider p = new OpenAiProvider(base.param("stream_options", "{\"include_usage\":true}").build(),
                Clock.systemUTC())) {
            run(name, "stream with stream_options", failed, () -> p.chatStream(ChatRequest.builder().user("usage?")
                    .build(), c -> true).usage());
        }
        try (OpenAiProvider p = new OpenAiProvider(base.apiKey((String) null).build(), Clock.systemUTC())) {
            run(name, "no key", failed, () -> p.listModels().size());
        }
        try (OpenAiProvider p = new OpenAiProvider(base.apiKey("sk-peer").header("Prefer", "code=429").build(),
                Clock.systemUTC())) {
            run(name, "Prefer: code=429", failed, () -> p.chat(ChatRequest.builder().user("x").build()).text());
        }
        try (OpenAiProvider p = new OpenAiProvider(ProviderConfig.builder("openai").apiKey("sk-peer").baseUrl(url)
                .build(), Clock.systemUTC())) {
            run(name, "invalid temperature", failed, () -> p.chat(ChatRequest.builder().model("gpt-4o-mini").user("x")
                    .temperature(7.0).build()).text());
        }
        System.out.println(name + ": " + (failed.isEmpty() ? "no exceptions" : "exceptions in " + failed));
        return failed.size();
    }

    static void run(String peer, String what, List<String> failed, Callable<Object> call) {
        try {
            System.out.println(peer + " | " + what + " | OK | " + call.call());
        } catch (ProviderException e) {
            failed.add(what);
            System.out.println(peer + " | " + what + " | " + e.getClass().getSimpleName() + " status=" + e.status()
                    + " param=" + e.param() + " retryAfter=" + e.retryAfter().orElse(null) + " | " + e.getMessage());
        } catch (Exception e) {
            failed.add(what);
            System.out.println(peer + " | " + what + " | " + e);
        }
    }
}
