package org.llmrecon.provider.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Messages API as documented, on 127.0.0.1, for tests and for checking by hand with the official SDK
 * ({@link #main}): {@code POST /v1/messages} answers "Echo: " and the last user text (or calls the first tool
 * when the text asks to "use a tool"), streamed with every documented event; {@code GET /v1/models} pages;
 * {@code POST /v1/messages/count_tokens} counts words. Errors are in the API's shape. A test can queue a raw
 * answer ({@link #next}) for the next request; every request is recorded.
 */
final class FakeAnthropic implements AutoCloseable {
    /** One request as received. */
    record Received(String method, String path, Headers headers, String body) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }

    /** What a test has the server do with one request instead of answering it. */
    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    static final List<String> MODELS = List.of("claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001",
            "claude-opus-4-1-20250805", "claude-test-unpriced");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Answer> queued = new ConcurrentLinkedQueue<>();
    final List<Received> requests = new CopyOnWriteArrayList<>();

    FakeAnthropic() throws IOException {
        this(0);
    }

    FakeAnthropic(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeAnthropic next(Answer answer) {
        queued.add(answer);
        return this;
    }

    Received last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                    exchange.getRequestHeaders(), body));
            Answer answer = queued.poll();
            if (answer != null) {
                answer.answer(exchange);
                return;
            }
            Headers headers = exchange.getRequestHeaders();
            if (headers.getFirst("x-api-key") == null && headers.getFirst("authorization") == null) {
                error(exchange, 401, "authentication_error", "x-api-key header is required");
            } else if (headers.getFirst("anthropic-version") == null) {
                error(exchange, 400, "invalid_request_error", "anthropic-version: header is required");
            } else if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/models")) {
                models(exchange, query == null ? "" : query);
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v1/models/")) {
                String id = path.substring("/v1/models/".length());
                if (MODELS.contains(id)) {
                    json(exchange, 200, model(id));
                } else {
                    error(exchange, 404, "not_found_error", "model: " + id);
                }
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/messages/count_tokens")) {
                JsonNode request = Json.MAPPER.readTree(body);
                json(exchange, 200, Json.MAPPER.createObjectNode().put("input_tokens", inputTokens(request)));
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/messages")) {
                messages(exchange, Json.MAPPER.readTree(body));
            } else {
                error(exchange, 404, "not_found_error", "Not found");
            }
        }
    }

    private void messages(HttpExchange exchange, JsonNode request) throws IOException {
        if (!request.path("model").isTextual() || !request.path("max_tokens").canConvertToInt()
                || !request.path("messages").isArray()) {
            error(exchange, 400, "invalid_request_error", "model, max_tokens and messages are required");
            return;
        }
        String text = lastUserText(request);
        JsonNode tool = request.path("tools").path(0);
        boolean useTool = !tool.isMissingNode() && text.contains("use a tool");
        String id = "msg_fake" + requests.size();
        String model = request.path("model").asText();
        String answer = "Echo: " + text;
        String[] words = answer.split("(?<= )");
        int maxTokens = request.path("max_tokens").asInt();
        int outputTokens = Math.min(words.length, maxTokens);
        String reply = String.join("", List.of(words).subList(0, outputTokens));
        String stopReason = useTool ? "tool_use" : outputTokens < words.length ? "max_tokens" : "end_turn";
        ObjectNode input = Json.MAPPER.createObjectNode().put("query", text);
        if (!request.path("stream").asBoolean()) {
            ObjectNode message = message(id, model, inputTokens(request), outputTokens, stopReason);
            ArrayNode content = message.putArray("content");
            if (useTool) {
                content.addObject().put("type", "tool_use").put("id", "toolu_fake1")
                        .put("name", tool.path("name").asText()).set("input", input);
            } else {
                content.addObject().put("type", "text").put("text", reply);
            }
            json(exchange, 200, message);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode start = message(id, model, inputTokens(request), 1, null);
        start.putArray("content");
        event(out, "message_start", Json.MAPPER.createObjectNode().put("type", "message_start").set("message", start));
        ObjectNode block = Json.MAPPER.createObjectNode();
        if (useTool) {
            block.put("type", "tool_use").put("id", "toolu_fake1").put("name", tool.path("name").asText())
                    .putObject("input");
        } else {
            block.put("type", "text").put("text", "");
        }
        event(out, "content_block_start", Json.MAPPER.createObjectNode().put("type", "content_block_start")
                .put("index", 0).set("content_block", block));
        event(out, "ping", Json.MAPPER.createObjectNode().put("type", "ping"));
        List<String> pieces = new ArrayList<>();
        if (useTool) {
            String json = input.toString();
            pieces.add(json.substring(0, json.length() / 2));
            pieces.add(json.substring(json.length() / 2));
        } else {
            pieces.addAll(List.of(words).subList(0, outputTokens));
        }
        for (String piece : pieces) {
            ObjectNode delta = useTool ? Json.MAPPER.createObjectNode().put("type", "input_json_delta")
                    .put("partial_json", piece) : Json.MAPPER.createObjectNode().put("type", "text_delta").put("text", piece);
            event(out, "content_block_delta", Json.MAPPER.createObjectNode().put("type", "content_block_delta")
                    .put("index", 0).set("delta", delta));
        }
        event(out, "content_block_stop", Json.MAPPER.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = Json.MAPPER.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", outputTokens);
        event(out, "message_delta", messageDelta);
        event(out, "message_stop", Json.MAPPER.createObjectNode().put("type", "message_stop"));
    }

    static void event(OutputStream out, String name, JsonNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode message(String id, String model, int inputTokens, int outputTokens, String stopReason) {
        ObjectNode message = Json.MAPPER.createObjectNode().put("id", id).put("type", "message")
                .put("role", "assistant").put("model", model);
        message.put("stop_reason", stopReason).putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return message;
    }

    private void models(HttpExchange exchange, String query) throws IOException {
        int limit = 20;
        String after = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("limit=")) {
                limit = Integer.parseInt(pair.substring(6));
            } else if (pair.startsWith("after_id=")) {
                after = pair.substring(9);
            }
        }
        int from = after == null ? 0 : MODELS.indexOf(after) + 1;
        List<String> page = MODELS.subList(from, Math.min(MODELS.size(), from + Math.min(limit, 2)));
        ObjectNode list = Json.MAPPER.createObjectNode();
        ArrayNode data = list.putArray("data");
        page.forEach(id -> data.add(model(id)));
        list.put("has_more", from + page.size() < MODELS.size());
        list.put("first_id", page.isEmpty() ? null : page.get(0));
        list.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1));
        json(exchange, 200, list);
    }

    private static ObjectNode model(String id) {
        return Json.MAPPER.createObjectNode().put("type", "model").put("id", id).put("display_name", "Fake " + id)
                .put("created_at", "2025-09-29T00:00:00Z");
    }

    private static String lastUserText(JsonNode request) {
        String text = "";
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                text = text(message.path("content"));
            }
        }
        return text;
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText("")));
        return text.toString();
    }

    static int inputTokens(JsonNode request) {
        StringBuilder all = new StringBuilder(request.path("system").asText(""));
        request.path("messages").forEach(m -> all.append(' ').append(text(m.path("content"))));
        String trimmed = all.toString().trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        json(exchange, status, body);
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("request-id", "req_fake");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Serves until killed, for checking by hand: {@code FakeAnthropic [PORT]} prints its base URL. */
    public static void main(String[] args) throws IOException {
        FakeAnthropic fake = new FakeAnthropic(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println(fake.baseUrl());
    }
}
