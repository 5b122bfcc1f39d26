package org.llmrecon.gateway.internal.openai;

import java.io.IOException;

import org.llmrecon.gateway.internal.Targets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /v1/models}: every model of every available target, its id {@code target/model}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v1/models")
public final class ModelsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Targets targets;

    @Activate
    public ModelsServlet(@Reference Targets targets) {
        this.targets = targets;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String target : targets.names()) {
            try {
                targets.listModels(target).forEach(m -> data.addObject()
                        .put("id", target + "/" + m.id()).put("object", "model").put("created", 0)
                        .put("owned_by", target));
            } catch (RuntimeException e) {
                // a target that cannot list its models now is left out; the others still answer
            }
        }
        resp.setContentType("application/json");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
