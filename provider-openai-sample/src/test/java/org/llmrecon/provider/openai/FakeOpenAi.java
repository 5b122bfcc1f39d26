package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** An OpenAI look-alike on 127.0.0.1 for tests: answers per "METHOD /path" and records every request. */
final class FakeOpenAi implements AutoCloseable {
    /** What the server does with one request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** One request as received. */
    record Received(String method, String path, Headers headers, String body, int remotePort) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final List<Received> requests = new CopyOnWriteArrayList<>();

    FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Received(exchange.getRequestMethod(), path + (exchange.getRequestURI().getRawQuery() == null
                    ? "" : "?" + exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getPort()));
            Handler handler = handlers.get(exchange.getRequestMethod() + " " + path);
            try {
                if (handler == null) {
                    send(exchange, 404, "{\"error\":{\"message\":\"no route " + path + "\",\"type\":\"invalid_request_error\"}}");
                } else {
                    handler.handle(exchange);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String baseUrl() {
        return endpoint() + "/v1";
    }

    FakeOpenAi on(String route, Handler handler) {
        return onPath(route.replace(" /", " /v1/"), handler);
    }

    /** @param route "METHOD /path" from the root, without the {@code /v1} that {@link #on} adds */
    FakeOpenAi onPath(String route, Handler handler) {
        handlers.put(route, handler);
        return this;
    }

    /** @return {@code http://127.0.0.1:<port>}, the server's root */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeOpenAi json(String route, int status, String body) {
        return on(route, exchange -> send(exchange, status, body));
    }

    Received last() {
        return requests.get(requests.size() - 1);
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Starts a chunked event-stream answer; write events with {@link #event}. */
    static OutputStream startEvents(HttpExchange exchange) throws IOException {
        return startBody(exchange, "text/event-stream");
    }

    static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** @return a handler answering 200 with {@code start}, then {@code repeated} again and again, as fast as it goes */
    static Handler endless(String type, byte[] start, byte[] repeated) {
        return exchange -> {
            OutputStream out = startBody(exchange, type);
            out.write(start);
            while (!Thread.currentThread().isInterrupted()) {
                out.write(repeated);
            }
        };
    }

    /** @return a handler answering 200 and then {@code each} every {@code millis}, forever */
    static Handler dripping(String type, byte[] each, long millis) {
        return exchange -> {
            OutputStream out = startBody(exchange, type);
            while (!Thread.currentThread().isInterrupted()) {
                out.write(each);
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            }
        };
    }

    /** Starts a chunked 200 answer of the given content type. */
    static OutputStream startBody(HttpExchange exchange, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
