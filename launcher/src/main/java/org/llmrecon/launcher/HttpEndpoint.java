package org.llmrecon.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.llmrecon.api.runtime.GatewayProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The HTTP server of the gateway as the launcher sets it up: the framework properties Felix HTTP reads, a check
 * that the port is free (Felix HTTP only logs a port it cannot bind), and the URL once it listens.
 */
final class HttpEndpoint {
    /** Felix HTTP: Jetty's idle timeout in ms (default 60 s). */
    static final String IDLE_TIMEOUT = "org.apache.felix.http.timeout";
    /** The Servlet Whiteboard runtime Felix HTTP registers once its connector listens. */
    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";

    private HttpEndpoint() {
    }

    /** @param address where to listen, or {@code null} for no server @param properties the framework properties */
    static void configure(HttpAddress address, Map<String, String> properties) {
        if (address == null) {
            properties.put(GatewayProperties.ENABLE, "false"); // what llm:gateway reads: no server here
            return;
        }
        properties.put(GatewayProperties.ENABLE, "true");
        properties.put(GatewayProperties.HOST, address.host());
        properties.put(GatewayProperties.PORT, Integer.toString(address.port()));
        // a model may think for minutes before its first byte; the target's own timeout is the bound that counts
        properties.put(IDLE_TIMEOUT, "600000");
    }

    /** @throws IllegalStateException when the address cannot be bound, naming it and why */
    static void checkFree(HttpAddress address) {
        if (address.port() == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address.host(), address.port()));
        } catch (IOException e) {
            throw new IllegalStateException("--http " + address.url(address.port()) + ": cannot listen: "
                    + e.getMessage());
        }
    }

    /**
     * @return the URL the server listens on
     * @throws IllegalStateException when it does not listen within the timeout
     */
    static URI await(BundleContext context, HttpAddress address, Duration timeout) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, RUNTIME, null);
        // all services: the launcher never loads the Servlet Whiteboard API, an embedder might have another copy
        tracker.open(true);
        try {
            if (tracker.waitForService(timeout.toMillis()) == null) {
                throw new IllegalStateException("the HTTP server did not listen on " + address.url(address.port())
                        + " within " + timeout.toSeconds() + " s");
            }
            ServiceReference<Object> ref = tracker.getServiceReference();
            return URI.create(address.url(Integer.parseInt(String.valueOf(ref.getProperty(GatewayProperties.PORT)))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the HTTP server", e);
        } finally {
            tracker.close();
        }
    }
}
