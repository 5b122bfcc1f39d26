package org.llmrecon.gateway.internal.openai;

import java.io.IOException;
import java.util.List;

import org.llmrecon.api.provider.CompletionChoice;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.CompletionResponse;
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

/** {@code POST /v1/completions}: a legacy text completion of one prompt (not streamed). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v1/completions")
public final class CompletionsServlet extends OpenAiEndpoint {
    private static final long serialVersionUID = 1L;

    @Activate
    public CompletionsServlet(@Reference Targets targets, @Reference GatewaySettings settings,
            @Reference GatewayMetrics metrics) {
        super("completions", targets, settings, metrics);
    }

    @Override
    String answer(ObjectNode body, ModelRoute route, HttpServletResponse resp) throws IOException {
        if (Fields.flag(body, "stream")) {
            throw GatewayException.badField("stream", "streamed completions are not offered; "
                    + "use /v1/chat/completions to stream");
        }
        List<String> prompts = Fields.texts(body, "prompt");
        if (prompts.size() != 1) {
            throw GatewayException.badField("prompt", "must be one string");
        }
        CompletionRequest request = new CompletionRequest(route.model(), prompts.get(0),
                Fields.integer(body, "max_tokens", 1, Integer.MAX_VALUE), Fields.number(body, "temperature", 0, 2),
                Fields.number(body, "top_p", 0, 1), Fields.integer(body, "n", 1, 128), Fields.texts(body, "stop"),
                Fields.text(body, "user", "user"));
        CompletionResponse r = route.provider().complete(request);
        ObjectNode root = ChatResponses.head(r.id(), "text_completion", r.created(), route.publicId());
        ArrayNode choices = root.putArray("choices");
        for (CompletionChoice c : r.choices()) {
            choices.addObject().put("index", c.index()).put("text", c.text()).putNull("logprobs")
                    .put("finish_reason", c.finishReason());
        }
        root.set("usage", ChatResponses.usage(r.usage()));
        writeJson(resp, root);
        return null;
    }
}
