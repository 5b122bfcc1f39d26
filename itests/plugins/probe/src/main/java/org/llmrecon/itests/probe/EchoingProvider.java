package org.llmrecon.itests.probe;

import java.util.List;
import java.util.Set;

import org.llmrecon.api.provider.ChatChoice;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.Usage;
import org.osgi.framework.FrameworkUtil;

/**
 * A chat-only provider that answers {@code "<signature>: <last user message>"},
 * so a test can tell which plugin served a call; a message
 * {@code "wait:<gate>"} first waits at that {@link Gate}. Each test plugin subclasses
 * it in its own bundle, so a live instance pins that plugin's class loader,
 * as a real provider would. Creation and close() calls are recorded in
 * {@link ProviderEvents} under the subclass's bundle id.
 */
public abstract class EchoingProvider implements Provider {
    private static final String WAIT = "wait:";
    private final ProviderConfig config;
    private final String signature;
    private final long bundleId;

    /**
     * @param config the configuration
     * @param signature what every answer starts with
     */
    protected EchoingProvider(ProviderConfig config, String signature) {
        this.config = config;
        this.signature = signature;
        this.bundleId = FrameworkUtil.getBundle(getClass()).getBundleId();
        ProviderEvents.recordCreated(bundleId);
    }

    @Override
    public String type() {
        return config.type();
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public List<ModelInfo> listModels() {
        return List.of(ModelInfo.of(config.type() + "-model", config.type(), ModelType.CHAT,
                Set.of(ModelCapability.CHAT_COMPLETION)));
    }

    @Override
    public ModelInfo modelInfo(String modelId) {
        return listModels().stream().filter(m -> m.id().equals(modelId)).findFirst()
                .orElseThrow(() -> new ModelNotFoundException("no model '" + modelId + "'", "model_not_found"));
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        throw new InvalidRequestException("echoing test provider answers chat only", 400, null, "unsupported");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String prompt = request.messages().isEmpty() ? "" : request.messages().get(request.messages().size() - 1)
                .content();
        if (prompt != null && prompt.startsWith(WAIT)) {
            Gate.pass(prompt.substring(WAIT.length()));
        }
        String answer = signature + ": " + prompt;
        return ChatResponse.builder().id("echo-1").object("chat.completion").model(config.type() + "-model")
                .choices(List.of(new ChatChoice(0, ChatMessage.assistant(answer), "stop")))
                .usage(Usage.of(countTokens(prompt, null), countTokens(answer, null))).build();
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        ChatResponse response = chat(request);
        listener.onChunk(ChatChunk.builder().id(response.id()).model(response.model()).content(response.text())
                .finishReason("stop").usage(response.usage()).build());
        return response;
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        throw new InvalidRequestException("echoing test provider answers chat only", 400, null, "unsupported");
    }

    @Override
    public int countTokens(String text, String modelId) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    @Override
    public void close() {
        ProviderEvents.recordClosed(bundleId);
    }
}
