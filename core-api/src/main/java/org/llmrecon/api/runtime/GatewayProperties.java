package org.llmrecon.api.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The names of the HTTP gateway's settings, shared by the gateway, which reads them, the runtime's shell,
 * whose {@code llm:gateway key} commands write its keys before the gateway runs, and the launcher, which sets
 * where the gateway's server listens.
 *
 * @since 1.0.0
 */
public final class GatewayProperties {
    /** The Config Admin PID of the gateway's settings (for example the file {@code etc/org.llmrecon.gateway.cfg}). */
    public static final String PID = "org.llmrecon.gateway";
    /** Setting: the keys clients send as {@code Authorization: Bearer KEY}, each {@code ENC(...)} or plain text. */
    public static final String KEYS = "keys";
    /** Framework property (Felix HTTP's): whether the gateway's server opens its connector at all. */
    public static final String ENABLE = "org.apache.felix.http.enable";
    /** Framework property (Felix HTTP's): the address the gateway listens on; unset means every interface. */
    public static final String HOST = "org.apache.felix.http.host";
    /** Framework property: the port the gateway listens on. */
    public static final String PORT = "org.osgi.service.http.port";

    private GatewayProperties() {
    }

    /**
     * The one rule of who may reach the gateway without a key: it serves without keys only while it listens on
     * loopback alone.
     *
     * @param host a {@link #HOST} value or a request's local address; {@code null} or blank means every interface
     * @return whether it names this machine's loopback only
     */
    public static boolean loopbackOnly(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
