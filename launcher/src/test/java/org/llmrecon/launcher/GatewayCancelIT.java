package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that leaves the gateway cancels the upstream call, streamed or not: an {@code openai} target whose
 * server takes each chat request and never answers it (or sends one chunk and then nothing), a client that
 * closes its connection, and the server seeing its connection closed by the provider long before the target's
 * timeout of ten minutes.
 */
class GatewayCancelIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    static LlmRecon llm;
    static SilentUpstream upstream;
    static URI gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new SilentUpstream();
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.openAiSample(), plugins.resolve("openai.jar"));
        llm = LlmRecon.builder().pluginFolder(plugins).etcFolder(Files.createDirectories(work.resolve("etc")))
                .target("silent", "openai", Map.of("baseUrl", "http://127.0.0.1:" + upstream.port() + "/v1",
                        "apiKey", "sk-cancel-test", "timeout", "10m", "retry.maxRetries", "0"))
                .http("127.0.0.1", 0).start();
        assertEquals(List.of(), llm.awaitPlugins(WAIT));
        gateway = llm.httpUrl().orElseThrow();
    }

    @AfterAll
    static void stop() throws IOException {
        if (llm != null) {
            llm.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void aClientThatLeavesBeforeTheAnswerCancelsTheUpstreamCall() throws Exception {
        leaveAfter(false);
    }

    @Test
    void aClientThatLeavesAStreamWaitingForTheNextChunkCancelsTheUpstreamCall() throws Exception {
        leaveAfter(true);
    }

    private static void leaveAfter(boolean stream) throws Exception {
        upstream.calls.clear();
        double gone = clientGone();
        String body = "{\"model\":\"silent/gpt-4o-mini\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"wait for me\"}]}";
        Call call;
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), gateway.getPort())) {
            client.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();
            call = upstream.calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(call != null, "the chat request reached the target's server");
            assertTrue(call.request.startsWith("POST /v1/chat/completions "), call.request);
            if (stream) {
                String seen = readUntil(client.getInputStream(), "data: {");
                assertTrue(seen.contains("200"), "the stream started: " + seen);
            }
            // the client leaves with the call under way
        }
        assertTrue(upstream.closed(call, WAIT), "the provider closed its connection to the target's server "
                + "within " + WAIT.toSeconds() + " s of the client leaving (its timeout is ten minutes)");
        GatewayIT.await(() -> clientGone() == gone + 1, "the gateway counted the request the client left");
    }

    /** @return the gateway's count of requests to the target that their client left */
    private static double clientGone() throws Exception {
        String metrics = new GatewayClient(gateway.resolve("/v1/"), null).get("../metrics").body();
        String name = "llmrecon_gateway_errors_total{kind=\"client_gone\",target=\"silent\"} ";
        int at = metrics.indexOf(name);
        return at < 0 ? 0 : Double.parseDouble(metrics.substring(at + name.length()).split("\\s")[0]);
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            seen.write(b);
            if (seen.toString(StandardCharsets.UTF_8).contains(marker)) {
                break;
            }
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** One chat request the server took, and the end of its connection. */
    record Call(String request, java.util.concurrent.CountDownLatch closed) {
    }

    /**
     * A server that lists one model, takes every chat request and answers none: a non-streamed request gets
     * nothing; a streamed one gets its headers and one chunk. It records when the other side closes.
     */
    static final class SilentUpstream implements AutoCloseable {
        final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        SilentUpstream() throws IOException {
            Thread accept = new Thread(this::accept, "silent-upstream");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        boolean closed(Call call, Duration within) throws InterruptedException {
            return call.closed.await(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "silent-upstream-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String head = readUntil(in, "\r\n\r\n");
                    if (!head.endsWith("\r\n\r\n")) {
                        return;
                    }
                    int length = contentLength(head);
                    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    if (head.startsWith("GET /v1/models")) {
                        byte[] models = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,\"owned_by\":\"test\"}]}"
                                .getBytes(StandardCharsets.UTF_8);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + models.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                        out.write(models);
                        out.flush();
                        continue;
                    }
                    Call call = new Call(head, new java.util.concurrent.CountDownLatch(1));
                    if (body.contains("\"stream\":true")) {
                        String chunk = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                                + "\"content\":\"hi\"},\"finish_reason\":null}]}\n\n";
                        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(bytes.length) + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.write(bytes);
                        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    calls.add(call);
                    try {
                        while (in.read() >= 0) {
                            // nothing more is expected; wait for the other side to close
                        }
                    } catch (IOException e) {
                        // reset by the other side: closed too
                    }
                    call.closed.countDown();
                    return;
                }
            } catch (IOException e) {
                // the test's assertions say what went wrong
            }
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(15).trim());
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
