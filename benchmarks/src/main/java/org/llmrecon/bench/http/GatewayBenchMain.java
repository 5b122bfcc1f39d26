package org.llmrecon.bench.http;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.bench.BenchRun;
import org.llmrecon.bench.Bundles;
import org.llmrecon.bench.EmbeddedRuntime;
import org.llmrecon.bench.Stats;
import org.llmrecon.launcher.LlmRecon;

/**
 * What the gateway adds over a direct call, with the offline mock: (1) the latency of one blocking chat,
 * sequential, direct through the factory's provider against {@code POST /v1/chat/completions} over
 * java.net.http, p50 and p99; (2) streams per second with 64 concurrent streaming callers, direct
 * {@code chatStream} against SSE through the gateway. Both in one JVM on one runtime. Usage:
 * {@code GatewayBenchMain CALLS STREAM_SECONDS}.
 */
public final class GatewayBenchMain {
    private static final int CALLERS = 64;
    private static final String BODY = "{\"model\":\"mock/mock-chat\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What is the capital of France?\"}]}";
    private static final String STREAM_BODY = "{\"model\":\"mock/mock-chat\",\"stream\":true,\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}";

    private GatewayBenchMain() {
    }

    public static void main(String[] args) {
        BenchRun.exitAfter("gateway " + String.join(" ", args), () -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        try (LlmRecon llm = LlmRecon.builder().bundle(Bundles.plugin("provider-template")).http("127.0.0.1", 0)
                .start()) {
            ManagedProvider mock = EmbeddedRuntime.awaitProvider(llm, "mock", Duration.ofSeconds(60));
            ChatRequest request = ChatRequest.builder().model("mock-chat").user("What is the capital of France?").build();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI chat = llm.httpUrl().orElseThrow().resolve("/v1/chat/completions");
            for (int round = 0; round < 2; round++) {
                Stats direct = sequential(calls, () -> mock.chat(request));
                Stats gateway = sequential(calls, () -> send(http, chat, BODY));
                if (round == 1) {
                    print("chat latency direct", direct);
                    print("chat latency gateway", gateway);
                    System.out.printf(Locale.ROOT, "added p50=%.3f ms p99=%.3f ms%n",
                            gateway.percentile(50) - direct.percentile(50), gateway.percentile(99) - direct.percentile(99));
                }
            }
            for (int round = 0; round < 2; round++) {
                double directRate = concurrent(seconds, () -> mock.chatStream(request, c -> true));
                double gatewayRate = concurrent(seconds, () -> stream(http, chat));
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "streams callers=%d direct=%.0f/s gateway=%.0f/s%n", CALLERS,
                            directRate, gatewayRate);
                }
            }
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static Stats sequential(int calls, Call call) throws Exception {
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Stats(ms);
    }

    private static double concurrent(double seconds, Call call) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(CALLERS);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < CALLERS; i++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        call.run();
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    finished.countDown();
                }
            }, "streamer-" + i).start();
        }
        finished.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " callers failed", failures.get(0));
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void send(HttpClient http, URI uri, String body) throws Exception {
        HttpResponse<String> r = http.send(post(uri, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private static void stream(HttpClient http, URI uri) throws Exception {
        HttpResponse<InputStream> r = http.send(post(uri, STREAM_BODY), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String last = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    last = line;
                }
            }
            if (r.statusCode() != 200 || !"data: [DONE]".equals(last)) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ", stream ended with " + last);
            }
        }
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void print(String what, Stats s) {
        System.out.printf(Locale.ROOT, "%s n=%d p50=%.3f ms p99=%.3f ms%n", what, s.count(), s.percentile(50),
                s.percentile(99));
    }
}
