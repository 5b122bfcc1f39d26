package org.llmrecon.gateway.internal.openai;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

import org.llmrecon.api.provider.Embedding;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.gateway.internal.GatewaySettings;
import org.llmrecon.gateway.internal.Targets;
import org.llmrecon.gateway.internal.metrics.GatewayMetrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /v1/embeddings}: vectors of one or more texts, as float arrays
 * or, with {@code encoding_format: base64} (the OpenAI SDK's default), as
 * little-endian float32 bytes in base64.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v1/embeddings")
public final class EmbeddingsServlet extends OpenAiEndpoint {
    private static final long serialVersionUID = 1L;

    @Activate
    public EmbeddingsServlet(@Reference Targets targets, @Reference GatewaySettings settings,
            @Reference GatewayMetrics metrics) {
        super("embeddings", targets, settings, metrics);
    }

    @Override
    String answer(ObjectNode body, ModelRoute route, HttpServletResponse resp) throws IOException {
        List<String> input = Fields.texts(body, "input");
        if (input.isEmpty()) {
            throw GatewayException.badField("input", "must be a string or a non-empty array of strings");
        }
        String format = Fields.text(body, "encoding_format", "encoding_format");
        boolean base64 = "base64".equals(format);
        if (format != null && !base64 && !format.equals("float")) {
            throw GatewayException.badField("encoding_format", "must be float or base64");
        }
        EmbeddingResponse r = route.provider().embed(new EmbeddingRequest(route.model(), input,
                Fields.text(body, "user", "user")));
        ObjectNode root = OpenAiEndpoint.JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (Embedding e : r.data()) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", e.index());
            float[] v = e.vector();
            if (base64) {
                ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    bytes.putFloat(f);
                }
                item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                floats(item.putArray("embedding"), v, route.target());
            }
        }
        root.put("model", route.publicId());
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", r.usage() == null ? 0 : r.usage().promptTokens());
        usage.put("total_tokens", r.usage() == null ? 0 : r.usage().totalTokens());
        writeJson(resp, root);
        return null;
    }

    /** @throws GatewayException 502 for a value JSON cannot carry (an infinity or NaN) */
    static void floats(ArrayNode into, float[] vector, String target) {
        for (float f : vector) {
            if (!Float.isFinite(f)) {
                throw GatewayException.of(502, "server_error", "bad_upstream_answer", "target '" + target
                        + "' answered an embedding value that is not a finite number (" + f
                        + "); JSON cannot carry it: ask with encoding_format base64");
            }
            into.add(f);
        }
    }
}
