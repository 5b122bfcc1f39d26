package org.llmrecon.gateway.internal.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletResponse;

/** Writes a {@link GatewayException} as OpenAI's error JSON with its status (and Retry-After for 429 and 503). */
public final class ErrorResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    /** @param e the error @return its body: {@code {"error": {"message", "type", "param", "code"}}} */
    static ObjectNode body(GatewayException e) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", e.getMessage());
        error.put("type", e.type());
        error.put("param", e.param());
        error.put("code", e.code());
        return root;
    }

    /**
     * @param e the error
     * @param resp the response, not yet committed (when it is, nothing can be said any more)
     */
    public static void write(GatewayException e, HttpServletResponse resp) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(e.status());
        if (e.retryAfter() != null) {
            resp.setHeader("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(resp.getOutputStream(), body(e));
    }
}
