package org.llmrecon.provider.openai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The fields of an API error answer, each {@code null} when absent. Reads OpenAI's
 * {@code {"error": {"message", "type", "param", "code"}}} and what compatible servers send instead:
 * {@code {"error": "text", "message": ...}} (Express), {@code {"detail": [{"loc", "msg"}]}} (FastAPI) and
 * {@code {"detail", "validation": [{"location", "message"}]}} (Prism), naming the field at fault.
 */
record ApiError(String message, String type, String param, String code) {

    static ApiError parse(byte[] body) {
        try {
            return of(Json.MAPPER.readTree(body));
        } catch (IOException e) {
            return new ApiError(null, null, null, null);
        }
    }

    static ApiError of(JsonNode root) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        JsonNode error = node.path("error");
        if (error.isObject()) {
            return new ApiError(text(error.path("message")), text(error.path("type")), text(error.path("param")),
                    text(error.path("code")));
        }
        List<String> problems = new ArrayList<>();
        String param = null;
        for (JsonNode item : node.has("validation") ? node.path("validation") : node.path("detail")) {
            JsonNode location = item.has("location") ? item.path("location") : item.path("loc");
            String message = text(item.has("message") ? item.path("message") : item.path("msg"));
            if (message != null && problems.size() < 3) {
                problems.add(location.isArray() && location.size() > 0 ? join(location) + ": " + message : message);
            }
            if (param == null && location.isArray() && location.size() > 1) {
                param = location.get(location.size() - 1).asText();
            }
        }
        String message = problems.isEmpty() ? null : String.join("; ", problems);
        if (message == null) {
            message = join(text(error), text(node.path("message")));
        }
        if (message == null && node.path("detail").isTextual()) {
            message = node.get("detail").asText();
        }
        return new ApiError(message, text(node.path("type")), param, text(node.path("code")));
    }

    private static String join(JsonNode location) {
        List<String> parts = new ArrayList<>();
        location.forEach(p -> parts.add(p.asText()));
        return String.join(".", parts);
    }

    private static String join(String first, String second) {
        if (first == null || second == null || first.equals(second)) {
            return first != null ? first : second;
        }
        return first + ": " + second;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
