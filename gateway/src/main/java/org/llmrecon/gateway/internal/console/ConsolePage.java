package org.llmrecon.gateway.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's page and its two files, from this bundle. They hold no data
 * (that comes from {@code /console/api/}, behind the gateway's keys), and
 * the page may load nothing from elsewhere and run inside no other site.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/console", "/console/*"})
public final class ConsolePage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final Map<String, String> FILES = Map.of(
            "", "text/html; charset=utf-8",
            "/", "text/html; charset=utf-8",
            "/console.js", "text/javascript; charset=utf-8",
            "/console.css", "text/css; charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String type = FILES.get(path);
        if (type == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String file = path.length() > 1 ? path.substring(1) : "index.html";
        resp.setContentType(type);
        resp.setHeader("Content-Security-Policy", POLICY);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-cache");
        try (InputStream in = ConsolePage.class.getResourceAsStream("/console/" + file)) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
