package org.llmrecon.launcher;

import org.llmrecon.api.runtime.GatewayProperties;

/**
 * Where the gateway listens: {@code --http [HOST:]PORT}, the host 127.0.0.1
 * unless one is given ({@code [::1]:8080} for IPv6), the port 0 for any free one.
 *
 * @param host the host name or address to bind
 * @param port the port, 0 for a free one
 */
record HttpAddress(String host, int port) {
    static final String LOOPBACK = "127.0.0.1";

    HttpAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host");
        }
    }

    /**
     * @param value {@code PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}
     * @return the address
     * @throws IllegalArgumentException naming what is wrong
     */
    static HttpAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = value.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("'" + value + "' is not [HOST:]PORT");
        }
        return new HttpAddress(host, Integer.parseInt(port));
    }

    /** @return whether the host is a loopback address, so only this machine can connect */
    boolean loopback() {
        return GatewayProperties.loopbackOnly(host);
    }

    /** @param actualPort the port bound @return the URL base, e.g. {@code http://127.0.0.1:8080} */
    String url(int actualPort) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort;
    }
}
