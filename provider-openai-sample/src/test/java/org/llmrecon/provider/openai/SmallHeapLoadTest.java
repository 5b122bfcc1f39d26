package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;

/**
 * Issue 12 under load: 64 calls at once to misbehaving servers (a JSON body, an event stream and an SSE line that
 * never end, a body dripped byte by byte; 16 of each) in a JVM of {@code -Xmx256m} (the {@code small-heap}
 * execution of this module's pom), while a well-behaved server keeps being called on another thread. Every
 * misbehaving call fails on its own with a {@link ProviderException}, every well-behaved call succeeds, and there
 * is no {@link OutOfMemoryError}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmallHeapLoadTest {
    private static final int CALLS_PER_KIND = 16;
    private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini").user("hi").build();
    private static final byte[] FILLER = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);

    @Test
    void misbehavingCallsFailAloneInASmallHeap() throws Exception {
        Map<String, FakeOpenAi> servers = new ConcurrentHashMap<>();
        servers.put("endless JSON", serving(FakeOpenAi.endless("application/json",
                "{\"choices\":[{\"message\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII), FILLER)));
        servers.put("endless stream", serving(FakeOpenAi.endless("text/event-stream", new byte[0],
                ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "y".repeat(2000)
                        + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.US_ASCII))));
        servers.put("endless line", serving(FakeOpenAi.endless("text/event-stream",
                "data: ".getBytes(StandardCharsets.US_ASCII), FILLER)));
        servers.put("drip", serving(FakeOpenAi.dripping("application/json", new byte[] {' '}, 200)));
        FakeOpenAi healthy = TestSupport.server().json("POST /chat/completions", 200, "{\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}");
        List<OpenAiProvider> providers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4 * CALLS_PER_KIND + 1);
        try {
            List<Future<Throwable>> hostile = new ArrayList<>();
            for (Map.Entry<String, FakeOpenAi> server : servers.entrySet()) {
                OpenAiProvider provider = provider(server.getValue(), true);
                providers.add(provider);
                boolean stream = server.getKey().contains("stream") || server.getKey().contains("line");
                for (int i = 0; i < CALLS_PER_KIND; i++) {
                    hostile.add(callers.submit(() -> call(provider, stream)));
                }
            }
            OpenAiProvider good = provider(healthy, false);
            providers.add(good);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            Future<Throwable> goodCalls = callers.submit(() -> {
                while (running.get()) {
                    Throwable t = call(good, false);
                    if (t != null) {
                        return t;
                    }
                    answered.incrementAndGet();
                }
                return null;
            });
            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            for (Future<Throwable> f : hostile) {
                Throwable t = f.get(100, TimeUnit.SECONDS);
                assertTrue(t instanceof ProviderException, "a misbehaving call ended with " + t);
                outcomes.merge(((ProviderException) t).type() + "/" + ((ProviderException) t).code(), 1, Integer::sum);
            }
            running.set(false);
            Throwable goodFailure = goodCalls.get(30, TimeUnit.SECONDS);
            assertEquals(null, goodFailure, "the well-behaved server's calls");
            assertTrue(answered.get() > 0, "the well-behaved server answered");
            System.out.printf("SmallHeapLoadTest: %d misbehaving calls in -Xmx%d MiB: %s; well-behaved calls answered: "
                    + "%d, failed: 0; peak heap used %d MiB%n", hostile.size(),
                    Runtime.getRuntime().maxMemory() >> 20, outcomes, answered.get(), peakHeap() >> 20);
        } finally {
            callers.shutdownNow();
            providers.forEach(OpenAiProvider::close);
            servers.values().forEach(FakeOpenAi::close);
            healthy.close();
        }
    }

    private static FakeOpenAi serving(FakeOpenAi.Handler handler) {
        return TestSupport.server().on("POST /chat/completions", handler);
    }

    private static OpenAiProvider provider(FakeOpenAi server, boolean hostile) {
        ProviderConfig.Builder config = ProviderConfig.builder("openai").apiKey(OpenAiProviderTest.KEY)
                .baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(hostile ? 30 : 90));
        if (hostile) {
            config.param("maxResponseBytes", "1MiB").param("maxLineBytes", "256KiB").param("maxEventBytes", "512KiB")
                    .param("maxStreamBytes", "1MiB");
        }
        return new OpenAiProvider(config.build(), Clock.systemUTC());
    }

    /** @return what the call threw, or {@code null} when it answered; an {@link Error} is returned too */
    private static Throwable call(OpenAiProvider provider, boolean stream) {
        try {
            if (stream) {
                provider.chatStream(REQUEST, c -> true);
            } else {
                provider.chat(REQUEST);
            }
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
