package org.llmrecon.gateway.internal.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.llmrecon.api.runtime.GatewayProperties;
import org.llmrecon.api.runtime.RateLimits;
import org.llmrecon.gateway.internal.GatewaySettings;
import org.llmrecon.gateway.internal.openai.ErrorResponses;
import org.llmrecon.gateway.internal.openai.GatewayException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of {@code /v1/*} and {@code /metrics}: with keys configured every
 * request needs {@code Authorization: Bearer KEY} (401 without or with a
 * wrong one); without keys the gateway serves only while it listens on
 * loopback, and refuses everyone (403, saying why) once it listens beyond.
 * Then the key's rate limit, kept by the runtime's {@link RateLimits} (429
 * with Retry-After). Keys are never logged nor echoed: a key's allowance is
 * named by the key's number.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern({"/v1/*", "/metrics"})
public final class AccessFilter implements Filter {
    private final GatewaySettings settings;
    private final RateLimits limits;
    private final boolean beyondLoopback;

    @Activate
    public AccessFilter(@Reference GatewaySettings settings, @Reference RateLimits limits, BundleContext context) {
        this.settings = settings;
        this.limits = limits;
        this.beyondLoopback = !GatewayProperties.loopbackOnly(context.getProperty(GatewayProperties.HOST));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        KeyCheck keys;
        try {
            keys = new KeyCheck(settings.openKeys());
        } catch (IllegalStateException e) {
            ErrorResponses.write(GatewayException.of(503, "server_error", "gateway_keys_unreadable", e.getMessage()),
                    resp);
            return;
        }
        int client = -1;
        if (keys.none()) {
            if (beyondLoopback || !GatewayProperties.loopbackOnly(req.getLocalAddr())) {
                ErrorResponses.write(GatewayException.of(403, "permission_denied", "no_gateway_keys",
                        "the gateway listens beyond loopback and has no keys, so it serves no one: set keys in "
                                + "the configuration " + GatewayProperties.PID), resp);
                return;
            }
        } else {
            String header = req.getHeader("Authorization");
            Optional<Integer> match = keys.match(header);
            if (match.isEmpty()) {
                ErrorResponses.write(GatewayException.of(401, "invalid_request_error", "invalid_api_key",
                        header == null ? "no key: send 'Authorization: Bearer KEY'" : "the key is not valid"),
                        resp);
                return;
            }
            client = match.get();
        }
        Optional<Duration> wait = limits.tryAcquire(client < 0 ? "gateway: no key" : "gateway: key " + client,
                settings.rateLimitPerMinute());
        if (wait.isPresent()) {
            ErrorResponses.write(GatewayException.rateLimited("rate limit of " + settings.rateLimitPerMinute()
                    + " requests per minute reached", wait.get()), resp);
            return;
        }
        chain.doFilter(request, response);
    }
}
