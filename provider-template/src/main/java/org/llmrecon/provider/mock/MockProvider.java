package org.llmrecon.provider.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionChoice;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.Embedding;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.Usage;

/**
 * A provider that answers offline and deterministically: chat and completion
 * answer with the configured reply, embeddings are hash-based. Requests pass
 * a {@link CallGate} that adds the configured latency and faults.
 */
final class MockProvider implements Provider {

    private final ProviderConfig config;
    private final MockSettings settings;
    private final CallGate gate;
    private final List<ModelInfo> models;

    MockProvider(ProviderConfig config, MockSettings settings) {
        this.config = config;
        this.settings = settings;
        this.gate = new CallGate(settings, config.timeout());
        this.models = MockModels.priced(settings.prices());
    }

    @Override
    public String type() {
        return MockPlugin.TYPE;
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public List<ModelInfo> listModels() {
        gate.checkOpen();
        return models;
    }

    @Override
    public ModelInfo modelInfo(String modelId) {
        gate.checkOpen();
        MockModels.find(modelId);
        return models.stream().filter(m -> m.id().equals(modelId)).findFirst().orElseThrow();
    }

    @Override
    public Optional<Pricing> pricing(String modelId) {
        return settings.prices().price(modelId);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        CallGate.Call call = gate.enter(false);
        ModelInfo model = model(request.model(), ModelCapability.TEXT_COMPLETION);
        int promptTokens = withinContext(model, MockTokenizer.count(request.prompt()), "prompt");
        String prompt = request.prompt() == null ? "" : request.prompt();
        Answer answer = Answer.of(settings.reply().replace("{prompt}", prompt), request.maxTokens(), request.stop());
        int n = Answer.choices(request.n());
        List<CompletionChoice> choices = new ArrayList<>();
        for (int index = 0; index < n; index++) {
            choices.add(new CompletionChoice(index, answer.text(), answer.finishReason()));
        }
        return new CompletionResponse("cmpl-mock-" + call.number(), now(), model.id(), choices,
                Usage.of(promptTokens, n * answer.tokens().size()));
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatScript script = script(request, gate.enter(false));
        return script.assemble(script.chunks().size());
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        CallGate.Call call = gate.enter(true);
        ChatScript script = script(request, call);
        int breakAt = call.malformed() ? script.chunks().size() / 2 : -1;
        int delivered = 0;
        for (var chunk : script.chunks()) {
            if (delivered == breakAt) {
                throw new MalformedResponseException("mock: injected malformed chunk after " + delivered
                        + " chunks (call " + call.number() + ")", null);
            }
            if (delivered > 0) {
                gate.pause(settings.tokenDelay());
            }
            delivered++;
            if (!listener.onChunk(chunk)) {
                break;
            }
        }
        return script.assemble(delivered);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        gate.enter(false);
        ModelInfo model = model(request.model(), ModelCapability.EMBEDDING);
        if (request.input().isEmpty()) {
            throw new InvalidRequestException("mock: input is empty", 400, "input", null);
        }
        List<Embedding> data = new ArrayList<>();
        int promptTokens = 0;
        for (String text : request.input()) {
            promptTokens += withinContext(model, MockTokenizer.count(text), "input");
            data.add(new Embedding(data.size(), MockEmbeddings.vector(text, MockModels.EMBEDDING_DIMENSIONS)));
        }
        return new EmbeddingResponse(model.id(), data, Usage.of(promptTokens, 0));
    }

    @Override
    public int countTokens(String text, String modelId) {
        gate.checkOpen();
        if (modelId != null) {
            MockModels.find(modelId);
        }
        return MockTokenizer.count(text);
    }

    @Override
    public void close() {
        gate.close();
    }

    private ChatScript script(ChatRequest request, CallGate.Call call) {
        ModelInfo model = model(request.model(), ModelCapability.CHAT_COMPLETION);
        ChatScript script = ChatScript.of("chatcmpl-mock-" + call.number(), model.id(), now(), request,
                settings.reply());
        withinContext(model, script.promptTokens(), "messages");
        return script;
    }

    private ModelInfo model(String requested, ModelCapability needed) {
        return MockModels.forRequest(requested, config.defaultModel(), needed);
    }

    private static int withinContext(ModelInfo model, int tokens, String param) {
        if (tokens > model.maxTokens()) {
            throw new InvalidRequestException("mock: " + param + " has " + tokens + " tokens, more than the "
                    + model.maxTokens() + " of " + model.id(), 400, param, "context_length_exceeded");
        }
        return tokens;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
