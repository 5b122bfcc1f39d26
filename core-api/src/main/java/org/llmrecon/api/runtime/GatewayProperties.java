package org.llmrecon.api.runtime;

/**
 * The names of the HTTP gateway's settings, shared by the gateway, which reads them, and the runtime's shell,
 * whose {@code llm:gateway key} commands write its keys before the gateway runs.
 *
 * @since 1.0.0
 */
public final class GatewayProperties {
    /** The Config Admin PID of the gateway's settings (for example the file {@code etc/org.llmrecon.gateway.cfg}). */
    public static final String PID = "org.llmrecon.gateway";
    /** Setting: the keys clients send as {@code Authorization: Bearer KEY}, each {@code ENC(...)} or plain text. */
    public static final String KEYS = "keys";

    private GatewayProperties() {
    }
}
