package org.llmrecon.bench.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** The official OpenAI Java SDK (OkHttp client, its defaults, retries off like the runtime's first try). */
final class SdkClient implements ChatClient {
    private final OpenAIClient client;
    private final ChatCompletionCreateParams params;

    SdkClient(String baseUrl) {
        client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("bench-key").maxRetries(0).build();
        params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("What is the capital of France?").build();
    }

    @Override
    public String name() {
        return "openai-java 4.8.0";
    }

    @Override
    public String chat() {
        return client.chat().completions().create(params).choices().get(0).message().content().orElse("");
    }

    @Override
    public int stream(Runnable firstChunk) {
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger chunks = new AtomicInteger();
        try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(params)) {
            s.stream().forEach(c -> {
                if (!c.choices().isEmpty() && c.choices().get(0).delta().content().filter(t -> !t.isEmpty()).isPresent()) {
                    if (first.getAndSet(false)) {
                        firstChunk.run();
                    }
                    chunks.incrementAndGet();
                }
            });
        }
        return chunks.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
