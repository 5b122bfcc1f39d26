package org.llmrecon.gateway.internal.metrics;

import java.io.IOException;

import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.gateway.internal.Targets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /metrics}: the gateway's and the runtime's metrics in the Prometheus text format. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/metrics")
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient GatewayMetrics metrics;
    /** Its own registry: a new instance of this servlet registers the runtime's collectors afresh. */
    private final transient PrometheusRegistry runtime = new PrometheusRegistry();

    @Activate
    public MetricsServlet(@Reference GatewayMetrics metrics, @Reference Targets targets,
            @Reference PluginManager plugins) {
        this.metrics = metrics;
        RuntimeCollectors.register(runtime, plugins, targets);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType(PrometheusTextFormatWriter.CONTENT_TYPE);
        metrics.write(resp.getOutputStream());
        PrometheusTextFormatWriter.create().write(resp.getOutputStream(), runtime.scrape());
    }
}
