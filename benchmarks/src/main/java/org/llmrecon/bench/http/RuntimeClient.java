package org.llmrecon.bench.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.provider.openai.OpenAiPlugins;
import org.llmrecon.runtime.internal.ManagedProviders;

/** provider-openai-sample behind the runtime's managed handle (resilience layer and metrics included). */
final class RuntimeClient implements ChatClient {
    private final ManagedProvider provider;
    private final ChatRequest request;

    RuntimeClient(String baseUrl) {
        ProviderConfig config = ProviderConfig.builder("openai").baseUrl(baseUrl).apiKey("bench-key")
                .defaultModel("gpt-4o-mini").build();
        provider = ManagedProviders.of(OpenAiPlugins.plugin(), config);
        request = ChatRequest.builder().model("gpt-4o-mini").user("What is the capital of France?").build();
    }

    @Override
    public String name() {
        return "provider-openai-sample";
    }

    @Override
    public String chat() {
        return provider.chat(request).text();
    }

    @Override
    public int stream(Runnable firstChunk) {
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger chunks = new AtomicInteger();
        provider.chatStream(request, chunk -> {
            if (!chunk.content().isEmpty()) {
                if (first.getAndSet(false)) {
                    firstChunk.run();
                }
                chunks.incrementAndGet();
            }
            return true;
        });
        return chunks.get();
    }

    @Override
    public void close() {
        ManagedProviders.release(provider);
    }
}
