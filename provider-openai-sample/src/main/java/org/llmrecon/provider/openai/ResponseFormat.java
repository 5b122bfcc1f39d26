package org.llmrecon.provider.openai;

import org.llmrecon.api.provider.InvalidRequestException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code response_format} field from {@link org.llmrecon.api.provider.ChatRequest#responseFormat()}:
 * {@code text} and {@code json_object} by name; JSON text as a JSON schema, accepted in three shapes
 * (a whole {@code response_format} object, a {@code json_schema} object with {@code name} and
 * {@code schema}, or a bare schema, named after its {@code title} or "response").
 */
final class ResponseFormat {
    private ResponseFormat() {
    }

    static JsonNode of(String type, String format) {
        String text = format.trim();
        if (text.equals("text") || text.equals("json_object")) {
            return Json.MAPPER.createObjectNode().put("type", text);
        }
        if (!text.startsWith("{")) {
            throw new InvalidRequestException(type + ": response format '" + text
                    + "' is neither text, json_object nor a JSON schema", 0, "response_format", null);
        }
        ObjectNode given = (ObjectNode) RequestBodies.jsonObject(type, text, "response_format",
                "the response format is not a valid JSON object");
        if (given.path("type").asText().equals("json_schema") && given.path("json_schema").isObject()) {
            return given;
        }
        ObjectNode wrapper = Json.MAPPER.createObjectNode().put("type", "json_schema");
        if (given.path("schema").isObject() && given.path("name").isTextual()) {
            wrapper.set("json_schema", given);
            return wrapper;
        }
        String title = given.path("title").asText("").replaceAll("[^a-zA-Z0-9_-]", "_");
        String name = title.isEmpty() ? "response" : title.substring(0, Math.min(64, title.length()));
        wrapper.putObject("json_schema").put("name", name).set("schema", given);
        return wrapper;
    }
}
