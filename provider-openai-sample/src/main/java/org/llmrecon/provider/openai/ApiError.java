package org.llmrecon.provider.openai;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The fields of an API error answer, each {@code null} when absent. */
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
        if (error.isTextual()) {
            return new ApiError(error.asText(), text(node.path("type")), null, text(node.path("code")));
        }
        if (error.isObject()) {
            return new ApiError(text(error.path("message")), text(error.path("type")), text(error.path("param")),
                    text(error.path("code")));
        }
        String message = text(node.path("message"));
        JsonNode detail = node.path("detail");
        if (message == null && !detail.isMissingNode()) {
            message = detail.isTextual() ? detail.asText() : detail.toString();
        }
        return new ApiError(message, text(node.path("type")), null, text(node.path("code")));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
