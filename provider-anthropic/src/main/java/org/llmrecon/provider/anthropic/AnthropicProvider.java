package org.llmrecon.provider.anthropic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
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
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client of the Anthropic Messages API. Text completion and embeddings are not part of that API: they fail
 * with a "not supported by anthropic" error and no model lists them among its capabilities. It never retries:
 * the runtime's resilience layer decides that from the exception it throws.
 */
final class AnthropicProvider implements Provider {
    private static final int MAX_MODEL_PAGES = 50;

    private final AnthropicSettings settings;
    private final MessagesHttp http;
    private final MessagesRequests requests;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    AnthropicProvider(ProviderConfig config, Clock clock) {
        this.settings = AnthropicSettings.from(config);
        this.http = new MessagesHttp(settings, clock);
        this.requests = new MessagesRequests(settings);
        this.clock = clock;
    }

    @Override
    public String type() {
        return AnthropicSettings.TYPE;
    }

    @Override
    public ProviderConfig config() {
        return settings.config();
    }

    /** {@code GET /v1/models}, page by page. */
    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_MODEL_PAGES; page++) {
            String path = "/v1/models?limit=1000" + (after == null ? "" : "&after_id=" + encode(after));
            JsonNode answer = http.get(path);
            if (!answer.path("data").isArray()) {
                throw new MalformedResponseException(http.errors().prefix("GET " + path) + "answered without a data"
                        + " list", null);
            }
            answer.path("data").forEach(m -> models.add(AnthropicModels.info(m, settings.prices())));
            after = answer.path("last_id").asText(null);
            if (!answer.path("has_more").asBoolean() || after == null) {
                return models;
            }
        }
        return models;
    }

    @Override
    public ModelInfo modelInfo(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        return AnthropicModels.info(http.get("/v1/models/" + encode(modelId)), settings.prices());
    }

    /** Every Claude model has the same, without a request. */
    @Override
    public Set<ModelCapability> capabilities(String modelId) {
        return AnthropicModels.CAPABILITIES;
    }

    /** From the shipped table and the target's overrides, without a request. */
    @Override
    public Optional<Pricing> pricing(String modelId) {
        return settings.prices().price(modelId);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request) {
        throw notSupported("text completion (use chat)");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        JsonNode answer = http.post("/v1/messages", requests.messages(request, false));
        return Message.of("POST /v1/messages", answer).response(clock.instant().getEpochSecond());
    }

    @Override
    public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
        Objects.requireNonNull(listener, "listener");
        try (EventStream events = http.stream("/v1/messages", requests.messages(request, true))) {
            return new MessageStream(events, http.errors()).deliverTo(listener)
                    .response(clock.instant().getEpochSecond());
        }
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        throw notSupported("embeddings");
    }

    /** {@code POST /v1/messages/count_tokens} with the text as one user message (which adds a few tokens). */
    @Override
    public int countTokens(String text, String modelId) {
        String call = "POST /v1/messages/count_tokens";
        JsonNode answer = http.post("/v1/messages/count_tokens", requests.countTokens(text, modelId));
        if (!answer.path("input_tokens").canConvertToInt()) {
            throw new MalformedResponseException(http.errors().prefix(call) + "answered without input_tokens", null);
        }
        return answer.path("input_tokens").asInt();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
        }
    }

    private ProviderException notSupported(String operation) {
        return new ProviderException(operation + " is not supported by anthropic: the Messages API has no such"
                + " operation", 0, "not_supported", "not_supported", null, false, null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "AnthropicProvider[target=" + settings.target() + ", baseUrl=" + settings.baseUri() + "]";
    }
}
