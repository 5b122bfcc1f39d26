package org.llmrecon.runtime.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ServerException;

/** A plugin for tests that counts what the runtime does with it. */
final class CountingPlugin implements PluginInterface {
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile CountDownLatch chatGate;
    volatile CountDownLatch chatEntered;
    final String answer;

    CountingPlugin(String answer) {
        this.answer = answer;
    }

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().name("counting-" + answer).version("1.0.0").providerType("count").build();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new ServerException("creation failed on purpose", 500, null);
        }
        created.incrementAndGet();
        return new Provider() {
            @Override public String type() { return "count"; }
            @Override public ProviderConfig config() { return config; }
            @Override public List<ModelInfo> listModels() { return List.of(); }
            @Override public ModelInfo modelInfo(String modelId) { return null; }
            @Override public CompletionResponse complete(CompletionRequest r) { return null; }
            @Override public ChatResponse chat(ChatRequest r) {
                CountDownLatch entered = chatEntered;
                if (entered != null) {
                    entered.countDown();
                }
                CountDownLatch gate = chatGate;
                if (gate != null) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ChatResponse.builder().id("id").object("chat.completion").model("m").choices(List.of(
                        new org.llmrecon.api.provider.ChatChoice(0,
                                org.llmrecon.api.provider.ChatMessage.assistant(answer + " " + config.baseUrl()),
                                "stop"))).build();
            }
            @Override public ChatResponse chatStream(ChatRequest r, ChatStreamListener l) { return chat(r); }
            @Override public EmbeddingResponse embed(EmbeddingRequest r) { return null; }
            @Override public int countTokens(String text, String modelId) { return text.length(); }
            @Override public void close() { closed.incrementAndGet(); }
        };
    }

    @Override
    public void validateConfig(ProviderConfig config) {
    }

    PluginCandidate candidate(long serviceId) {
        return candidate(serviceId, null);
    }

    PluginCandidate candidate(long serviceId, org.osgi.framework.Bundle bundle) {
        return new PluginCandidate(serviceId, 0, bundle, this, getMetadata(),
                org.llmrecon.api.runtime.PluginState.ACTIVE, null, false);
    }
}
