package org.llmrecon.gateway.internal.console;

import java.io.IOException;

import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.gateway.internal.Targets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /console/api/*} over HTTP, behind the gateway's own access check: the
 * same filter instance as {@code /v1}, so the same keys, loopback rule and
 * rate limit; without it this servlet is not there at all. (The page and its
 * two files are not behind it: they hold no data, and a browser cannot send a
 * key with a page it navigates to.)
 * <p>
 * A request that changes something must carry the header {@value #MARK},
 * which the page sends: a browser asks before sending a custom header to
 * another site, so no page elsewhere can make a visitor's browser deploy or
 * reconfigure through a loopback console.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/api/*")
public final class ConsoleApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String MARK = "X-LLMrecon-Console";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient ConsoleApi api;
    private final transient Filter access;

    @Activate
    public ConsoleApiServlet(@Reference PluginManager plugins, @Reference ConfigManager config,
            @Reference Targets targets,
            @Reference(target = "(component.name=org.llmrecon.gateway.internal.auth.AccessFilter)") Filter access) {
        this.api = new ConsoleApi(plugins, config, new ConsoleTargets(targets));
        this.access = access;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        access.doFilter(req, resp, (request, response) -> answer(req, resp));
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        ConsoleApi.Reply reply = !method.equals("GET") && req.getHeader(MARK) == null
                ? ConsoleApi.Reply.refused(403, "header " + MARK + ": missing; changes come from the console page")
                : api.handle(method, path, req.getParameter("file"), req.getInputStream());
        resp.setStatus(reply.status());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (reply.body() != null) {
            resp.setContentType("application/json");
            JSON.writeValue(resp.getOutputStream(), reply.body());
        }
    }
}
