package org.llmrecon.bench.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.llmrecon.bench.BenchRun;
import org.llmrecon.bench.Stats;

/**
 * Requests per second (blocking chat) and time to first chunk (streaming) at 1, 8 and 64 concurrent
 * callers, provider-openai-sample (through the runtime's handle) against the OpenAI Java SDK, both on the
 * same {@link ChatServer} in this JVM. Each repeat runs both clients, in alternating order; every cell is a
 * fixed-duration closed loop after a warm-up. Usage: {@code HttpBenchMain REPEATS WARMUP_S MEASURE_S}. Always
 * ends the JVM (the embedded runtime's threads are not daemons), with status 1 when the run failed. For profiling,
 * {@code -Dbench.http.only=provider} (or {@code sdk}) runs one client and {@code -Dbench.http.kinds=chat} (or
 * {@code stream}) one kind, {@code -Dbench.http.callers=1,8} some of the callers.
 */
public final class HttpBenchMain {
    private HttpBenchMain() {
    }

    public static void main(String[] args) {
        BenchRun.exitAfter("http " + String.join(" ", args), () -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        double warmup = Double.parseDouble(args[1]);
        double measure = Double.parseDouble(args[2]);
        List<Function<String, ChatClient>> makers = new ArrayList<>(List.of(RuntimeClient::new, SdkClient::new));
        String only = System.getProperty("bench.http.only", "");
        if (only.equals("provider")) {
            makers.remove(1);
        } else if (only.equals("sdk")) {
            makers.remove(0);
        }
        String kinds = System.getProperty("bench.http.kinds", "chat,stream");
        int[] concurrency = Arrays.stream(System.getProperty("bench.http.callers", "1,8,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        try (ChatServer server = new ChatServer(96)) {
            List<ChatClient> clients = new ArrayList<>();
            makers.forEach(m -> clients.add(m.apply(server.baseUrl())));
            for (ChatClient c : clients) {
                if (c.chat().isEmpty() || c.stream(() -> { }) != ChatServer.CHUNKS) {
                    throw new IllegalStateException(c.name() + " did not read the server's answer");
                }
            }
            for (int r = 0; r < repeats; r++) {
                List<ChatClient> order = new ArrayList<>(clients);
                if (r % 2 == 1) {
                    Collections.reverse(order);
                }
                for (boolean streaming : new boolean[] {false, true}) {
                    if (!kinds.contains(streaming ? "stream" : "chat")) {
                        continue;
                    }
                    for (int c : concurrency) {
                        for (ChatClient client : order) {
                            run(client, streaming, c, warmup);
                            Cell cell = run(client, streaming, c, measure);
                            System.out.printf(Locale.ROOT, "repeat=%d client=\"%s\" kind=%s callers=%d rps=%.0f %s%n",
                                    r, client.name(), streaming ? "stream" : "chat", c, cell.rps,
                                    cell.latency.summary(streaming ? "ms to first chunk" : "ms per call"));
                        }
                    }
                }
            }
            clients.forEach(ChatClient::close);
        }
    }

    private record Cell(double rps, Stats latency) {
    }

    private static Cell run(ChatClient client, boolean streaming, int callers, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        List<List<Double>> samples = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(callers);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            List<Double> mine = new ArrayList<>();
            samples.add(mine);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        if (streaming) {
                            long[] first = new long[1];
                            client.stream(() -> first[0] = System.nanoTime());
                            mine.add((first[0] - t0) / 1e6);
                        } else {
                            client.chat();
                            mine.add((System.nanoTime() - t0) / 1e6);
                        }
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    finished.countDown();
                }
            }, "caller-" + i);
            t.start();
        }
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(client.name() + " failed " + failures.size() + " callers", failures.get(0));
        }
        List<Double> all = new ArrayList<>();
        samples.forEach(all::addAll);
        return new Cell(done.get() / elapsed, new Stats(all));
    }
}
