package org.llmrecon.runtime.internal.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitConfig;
import org.llmrecon.api.provider.RetryConfig;
import org.llmrecon.api.runtime.Cost;
import org.llmrecon.api.runtime.UsageMetrics;
import org.llmrecon.api.runtime.TargetInfo;

/** A factory of one provider type {@code echo} that streams its prompt back word by word. */
final class FakeProviders implements ProviderFactory {
    final List<ChatRequest> requests = new ArrayList<>();

    @Override
    public ManagedProvider getProvider(String type) {
        if (!type.equals("echo")) {
            throw new ProviderUnavailableException("no plugin offers provider type '" + type + "'");
        }
        return new Echo();
    }

    @Override
    public Set<String> providerTypes() {
        return Set.of("echo");
    }

    @Override
    public List<TargetInfo> targets() {
        return List.of(TargetInfo.builder().name("echo").type("echo").build());
    }

    @Override
    public java.util.Optional<TargetInfo> target(String name) {
        return targets().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public void refresh(String type) {
    }

    @Override
    public void refreshAll() {
    }

    private final class Echo implements ManagedProvider {
        @Override
        public String type() {
            return "echo";
        }

        @Override
        public ProviderConfig config() {
            return ProviderConfig.builder("echo").build();
        }

        @Override
        public List<ModelInfo> listModels() {
            return List.of(ModelInfo.builder().id("echo-1").provider("echo").type(ModelType.CHAT)
                    .capabilities(Set.of(ModelCapability.values()[0])).maxTokens(4096).build());
        }

        @Override
        public ModelInfo modelInfo(String modelId) {
            return listModels().get(0);
        }

        @Override
        public CompletionResponse complete(CompletionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChatResponse chatStream(ChatRequest request, ChatStreamListener listener) {
            requests.add(request);
            String prompt = request.messages().get(request.messages().size() - 1).content();
            for (String word : prompt.split(" ")) {
                listener.onChunk(ChatChunk.builder().id("id").model("echo-1").content("<" + word + ">").build());
            }
            return null;
        }

        @Override
        public EmbeddingResponse embed(EmbeddingRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int countTokens(String text, String modelId) {
            return 0;
        }

        @Override
        public RetryConfig retryConfig() {
            return RetryConfig.DEFAULT;
        }

        @Override
        public void updateRetryConfig(RetryConfig c) {
        }

        @Override
        public RateLimitConfig rateLimitConfig() {
            return RateLimitConfig.UNLIMITED;
        }

        @Override
        public void updateRateLimitConfig(RateLimitConfig c) {
        }

        @Override
        public UsageMetrics usageMetrics() {
            return UsageMetrics.builder().requests(3).errors(1).retries(2).promptTokens(10).completionTokens(20)
                    .latencyP50(Duration.ofMillis(5)).latencyP95(Duration.ofMillis(9))
                    .latencyP99(Duration.ofMillis(12)).cost(new Cost(0.00012, "USD")).build();
        }

        @Override
        public Map<String, UsageMetrics> usageMetricsByModel() {
            return Map.of("echo-1", usageMetrics(), "echo-2", UsageMetrics.builder().requests(1).promptTokens(1)
                    .completionTokens(1).build());
        }

        @Override
        public ProviderInstances instances() {
            return new ProviderInstances(3, 2);
        }

        @Override
        public void resetMetrics() {
        }

        @Override
        public void close() {
        }
    }
}
