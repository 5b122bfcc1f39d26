package org.llmrecon.provider.openai;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

/**
 * A manual tool, not a test (the build compiles it, never runs it): exercises the {@code azure-openai} provider
 * against a server of the Azure OpenAI inference API, such as Prism serving Microsoft's spec. Usage, with the
 * peers from /work/shared/peers/peers.sh running: {@code java -cp ... AzurePeerCheck ENDPOINT}, where ENDPOINT
 * is AZURE_URL without its {@code /openai}.
 */
public final class AzurePeerCheck {
    private AzurePeerCheck() {
    }

    public static void main(String[] args) {
        String peer = "azure";
        ProviderConfig.Builder base = ProviderConfig.builder("azure-openai").apiKey("azure-peer-key").baseUrl(args[0])
                .timeout(Duration.ofSeconds(30)).defaultModel("gpt-4o-mini").param("deployment.gpt-4o-mini", "chat-dep")
                .param("deployment.text-embedding-3-small", "embed-dep");
        List<String> failed = new ArrayList<>();
        try (AzureOpenAiProvider p = new AzureOpenAiProvider(base.build(), Clock.systemUTC())) {
            PeerCheck.run(peer, "models (configured)", failed, () -> p.listModels().stream()
                    .map(m -> m.id() + " (" + m.description() + ")").toList());
            PeerCheck.run(peer, "chat", failed, () -> p.chat(ChatRequest.builder().system("be brief").user("hello peer")
                    .maxTokens(20).temperature(0.5).build()).text());
            PeerCheck.run(peer, "chat+tools", failed, () -> p.chat(ChatRequest.builder().user("weather?")
                    .tool(Tool.function("weather", "current weather",
                            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                    .toolChoice("auto").build()).choices());
            PeerCheck.run(peer, "chat with image URL and base64 parts", failed, () -> p.chat(ChatRequest.builder()
                    .user("what is this?", ContentPart.imageUrl("https://example.com/cat.jpg"),
                            ContentPart.image("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})).build()).text());
            PeerCheck.run(peer, "chat with every field + tool round trip", failed, () -> p.chat(ChatRequest.builder()
                    .model("o3-mini").system("sys").user("call the tool")
                    .message(ChatMessage.builder("assistant").toolCalls(
                            List.of(new ToolCall("call_1", "function", "weather", "{\"city\":\"Oslo\"}"))).build())
                    .message(ChatMessage.builder("tool").content("{\"temp\":3}").toolCallId("call_1").build())
                    .maxTokens(30).temperature(1.0).topP(0.9).n(1).stop("END").presencePenalty(0.1)
                    .frequencyPenalty(0.2).logitBias("50256", -100).endUser("user-1")
                    .tool(Tool.function("weather", "current weather", "{\"type\":\"object\"}")).toolChoice("weather")
                    .responseFormat("json_object").build()).choices().size());
            PeerCheck.run(peer, "chat with json_schema", failed, () -> p.chat(ChatRequest.builder().user("json")
                    .responseFormat("{\"name\":\"answer\",\"strict\":true,\"schema\":{\"type\":\"object\"}}").build())
                    .text());
            PeerCheck.run(peer, "stream", failed, () -> {
                List<String> pieces = new ArrayList<>();
                var response = p.chatStream(ChatRequest.builder().user("stream to me please").build(), c -> {
                    pieces.add(c.content());
                    return true;
                });
                return pieces.size() + " chunks " + pieces + " -> \"" + response.text() + "\"";
            });
            PeerCheck.run(peer, "completions", failed, () -> p.complete(new CompletionRequest("gpt-35-turbo-instruct",
                    "Say hi", 5, 0.0, null, null, List.of("\n"), null)).choices().size());
            PeerCheck.run(peer, "embeddings", failed, () -> p.embed(EmbeddingRequest.of("text-embedding-3-small", "a",
                    "b")).data().size() + " vectors");
        }
        try (AzureOpenAiProvider p = new AzureOpenAiProvider(base.apiKey((String) null).build(), Clock.systemUTC())) {
            PeerCheck.run(peer, "no key", failed, () -> p.chat(ChatRequest.builder().user("x").build()).text());
        }
        try (AzureOpenAiProvider p = new AzureOpenAiProvider(base.apiKey("azure-peer-key").header("Prefer", "code=429")
                .build(), Clock.systemUTC())) {
            PeerCheck.run(peer, "Prefer: code=429", failed, () -> p.chat(ChatRequest.builder().user("x").build()).text());
        }
        try (AzureOpenAiProvider p = new AzureOpenAiProvider(base.header("Prefer", "code=200").build(),
                Clock.systemUTC())) {
            PeerCheck.run(peer, "temperature 9", failed, () -> p.chat(ChatRequest.builder().user("x").temperature(9.0)
                    .build()).text());
        }
        System.out.println(peer + ": " + (failed.isEmpty() ? "no exceptions" : "exceptions in " + failed));
    }
}
