package org.llmrecon.bench.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import java.time.Duration;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.bench.Bundles;
import org.llmrecon.bench.EmbeddedRuntime;
import org.llmrecon.launcher.LlmRecon;

/**
 * provider-openai-sample as users call it: the runtime embedded with {@link LlmRecon}, the plugin installed
 * as a bundle, the provider the factory hands out (resilience layer and metrics included).
 */
final class RuntimeClient implements ChatClient {
    private final LlmRecon llm;
    private final ManagedProvider provider;
    private final ChatRequest request;

    RuntimeClient(String baseUrl) {
        llm = LlmRecon.builder().bundle(Bundles.plugin("provider-openai-sample")).config("openai", "baseUrl", baseUrl)
                .config("openai", "apiKey", "bench-key").config("openai", "defaultModel", "gpt-4o-mini").start();
        provider = EmbeddedRuntime.awaitProvider(llm, "openai", Duration.ofSeconds(60));
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
        llm.close();
    }
}
