package org.llmrecon.gateway.internal.openai;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/** A request body read up to the configured limit (413 beyond it) and parsed as one JSON object (400 if not). */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    static ObjectNode read(HttpServletRequest req, long limit) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return parse(body);
    }

    static ObjectNode parse(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw GatewayException.of(400, "invalid_request_error", "invalid_json",
                    "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw GatewayException.of(400, "invalid_request_error", "invalid_json", "the body cannot be read");
        }
        if (node == null || !node.isObject()) {
            throw GatewayException.of(400, "invalid_request_error", "invalid_json", "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static GatewayException tooLarge(long limit) {
        return GatewayException.of(413, "invalid_request_error", "request_too_large",
                "the body is larger than the gateway's limit of " + limit + " bytes (maxBodyBytes)");
    }
}
