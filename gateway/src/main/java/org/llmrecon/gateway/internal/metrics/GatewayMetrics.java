package org.llmrecon.gateway.internal.metrics;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What the gateway counts itself, per target: requests, errors by kind and the
 * latency histogram. One registry per component, never the global one:
 * a restarted bundle starts from zero instead of colliding with its old metrics.
 */
@Component(service = GatewayMetrics.class)
public final class GatewayMetrics {
    /** Latency buckets in seconds: a mock answers in milliseconds, a large model in a minute. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Counter errors;
    private final Histogram latency;

    @Activate
    public GatewayMetrics() {
        requests = Counter.builder().name("llmrecon_gateway_requests")
                .help("Requests the gateway served, by target and endpoint").labelNames("target", "endpoint")
                .withoutExemplars().register(registry);
        errors = Counter.builder().name("llmrecon_gateway_errors")
                .help("Requests answered with an error, by target and kind").labelNames("target", "kind")
                .withoutExemplars().register(registry);
        latency = Histogram.builder().name("llmrecon_gateway_request_duration_seconds")
                .help("Time from request to the end of the answer, by target").labelNames("target")
                .classicOnly().classicUpperBounds(BUCKETS).withoutExemplars().register(registry);
    }

    /**
     * @param target the target, or {@code -} when the request never reached one
     * @param endpoint e.g. {@code chat}
     * @param errorKind {@code null} for success, else the kind, e.g. {@code rate_limit}
     * @param nanos how long the request took
     */
    public void record(String target, String endpoint, String errorKind, long nanos) {
        requests.labelValues(target, endpoint).inc();
        if (errorKind != null) {
            errors.labelValues(target, errorKind).inc();
        }
        latency.labelValues(target).observe(nanos / 1e9);
    }

    void write(OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
    }
}
