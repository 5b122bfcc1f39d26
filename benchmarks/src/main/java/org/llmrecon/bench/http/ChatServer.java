package org.llmrecon.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local OpenAI-compatible server on 127.0.0.1: {@code POST /v1/chat/completions} answers at once with a
 * fixed JSON completion, or with {@value #CHUNKS} SSE chunks, a usage chunk and {@code [DONE]} when the
 * request body asks for {@code "stream":true}. Both clients under test get exactly the same bytes.
 */
public final class ChatServer implements AutoCloseable {
    static final int CHUNKS = 8;
    private static final byte[] COMPLETION = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\","
            + "\"created\":1732500000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Paris is the capital of France.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":8,\"total_tokens\":22}}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;

    public ChatServer(int threads) throws IOException {
        // without TCP_NODELAY, headers and body leave in two segments and delayed ACKs add 40 ms to each call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String request = new String(body, StandardCharsets.UTF_8).replace(" ", "");
        if (request.contains("\"stream\":true")) {
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < CHUNKS; i++) {
                    out.write(chunk(i).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1732500000,"
                        + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":14,"
                        + "\"completion_tokens\":8,\"total_tokens\":22}}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } else {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, COMPLETION.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(COMPLETION);
            }
        }
    }

    private static String chunk(int i) {
        String delta = i == 0 ? "{\"role\":\"assistant\",\"content\":\"tok0 \"}" : "{\"content\":\"tok" + i + " \"}";
        String finish = i == CHUNKS - 1 ? "\"stop\"" : "null";
        return "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1732500000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finish + "}]}\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
