package org.llmrecon.gateway.internal.openai;

import java.io.IOException;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.gateway.internal.GatewaySettings;
import org.llmrecon.gateway.internal.Targets;
import org.llmrecon.gateway.internal.metrics.GatewayMetrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /v1/chat/completions}: one answer, or server-sent chunks when {@code stream} is true. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v1/chat/completions")
public final class ChatCompletionsServlet extends OpenAiEndpoint {
    private static final long serialVersionUID = 1L;

    @Activate
    public ChatCompletionsServlet(@Reference Targets targets, @Reference GatewaySettings settings,
            @Reference GatewayMetrics metrics) {
        super("chat", targets, settings, metrics);
    }

    @Override
    String answer(ObjectNode body, ModelRoute route, HttpServletResponse resp) throws IOException {
        ChatRequest request = ChatRequests.of(body, route.model());
        if (Fields.flag(body, "stream")) {
            boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
            boolean gone = new ChatStream(resp, route.publicId(), usage).run(route.provider(), request);
            return gone ? CLIENT_GONE : null;
        }
        ChatResponse response = route.provider().chat(request);
        writeJson(resp, ChatResponses.completion(response, route.publicId()));
        return null;
    }
}
