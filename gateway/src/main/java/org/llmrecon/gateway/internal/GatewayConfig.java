package org.llmrecon.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The gateway's settings, in the configuration {@link org.llmrecon.api.runtime.GatewayProperties#PID}
 * (e.g. {@code etc/org.llmrecon.gateway.cfg}). These defaults are the only ones.
 */
@ObjectClassDefinition(name = "LLMrecon gateway",
        description = "The OpenAI-compatible HTTP gateway: its keys and limits")
public @interface GatewayConfig {

    @AttributeDefinition(description = "The keys clients send as 'Authorization: Bearer KEY', each ENC(...) "
            + "(encrypted with the runtime's key file: llm:gateway key add) or plain text; in a .cfg file "
            + "comma-separated; required whenever the gateway listens beyond loopback",
            required = false)
    String[] keys() default {};

    @AttributeDefinition(description = "The largest request body accepted, in bytes (larger ones get 413)")
    long maxBodyBytes() default 16 * 1024 * 1024;

    @AttributeDefinition(description = "Requests per minute each key may make (429 with Retry-After beyond); "
            + "0 for no limit. Without keys, the limit applies to all clients together")
    int rateLimitPerMinute() default 0;
}
