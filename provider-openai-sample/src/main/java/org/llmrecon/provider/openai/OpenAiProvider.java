package org.llmrecon.provider.openai;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client of the OpenAI HTTP API at the configured base URL. It never retries: the runtime's
 * resilience layer decides that from the exception it throws.
 */
final class OpenAiProvider implements Provider {
    private final ProviderSettings settings;
    private final OpenAiHttp http;
    private final RequestBodies bodies;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenAiProvider(ProviderConfig config, Clock clock) {
        this(ProviderSettings.from(config), clock);
    }

    private OpenAiProvider(ProviderSettings settings, Clock clock) {
        this(settings, new OpenAiRoute(settings), clock);
    }

    /** @param route where calls go and how they are authorised */
    OpenAiProvider(ProviderSettings settings, ApiRoute route, Clock clock) {
        this.settings = settings;
        this.http = new OpenAiHttp(settings, route, clock);
        this.bodies = new RequestBodies(settings);
    }

    @Override
    public String type() {
        return settings.type();
    }

    @Override
    public ProviderConfig config() {
        return settings.config();
    }

    @Override
    public List<ModelInfo> listModels() {
        return listModels("GET /models", http.get("/models"));
    }

    /**
     * Compatible servers without {@code GET /models/{id}} answer 404 or send the whole list; the model is then
     * looked up in the list.
     */
    @Override
    public ModelInfo modelInfo(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        String path = "/models/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%3A", ":");
        String call = "GET " + path;
        JsonNode answer;
        try {
            answer = http.get(path);
        } catch (ModelNotFoundException e) {
            answer = http.get("/models");
        }
        if (answer.path("data").isArray()) {
            return listModels(call, answer).stream().filter(m -> m.id().equals(modelId)).findFirst()
                    .orElseThrow(() -> new ModelNotFoundException(settings.type() + ": model '" + modelId + "' is not served at "
                            + settings.baseUri().getHost(), "model_not_found"));
        }
        return ModelCatalog.priced(ResponseParser.model(settings.type(), call, answer), settings.prices());
    }

    private List<ModelInfo> listModels(String call, JsonNode answer) {
        return ResponseParser.models(settings.type(), call, answer).stream()
                .map(m -> ModelCatalog.priced(m, settings.prices()))
                .toList();
    }

    /** From the shipped table and the target's overrides, without a request. */
    @Override
    public Optional<Pricing> pricing(String modelId) {
        return settings.prices().price(modelId);
    }

    /** From the family table, without a request; unknown models get the default of {@link ModelCatalog}. */
    @Override
    public Set<ModelCapability> capabilities(String modelId) {
        return ModelCatalog.family(modelId).capabilities();
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        return http.post("/completions", bodies.completion(request), ResponseParser::completion);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return http.post("/chat/completions", bodies.chat(request, false), ResponseParser::chat);
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        Objects.requireNonNull(listener, "listener");
        try (EventStream stream = http.stream("/chat/completions", bodies.chat(request, true))) {
            return new ChatStreaming(stream, http.errors(), settings.limits().maxStreamBytes(),
                    settings.baseUri().getRawAuthority()).deliverTo(listener);
        }
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        return http.post("/embeddings", bodies.embeddings(request), ResponseParser::embeddings);
    }

    @Override
    public int countTokens(String text, String modelId) {
        String model = modelId != null ? modelId : settings.defaultModel();
        return TokenCounter.count(text, model == null ? "" : model);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "OpenAiProvider[baseUrl=" + settings.baseUri().getScheme() + "://" + settings.baseUri().getRawAuthority()
                + settings.baseUri().getRawPath() + ", defaultModel=" + settings.defaultModel() + "]";
    }
}
