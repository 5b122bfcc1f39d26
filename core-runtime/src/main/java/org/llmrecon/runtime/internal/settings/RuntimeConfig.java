package org.llmrecon.runtime.internal.settings;

import org.llmrecon.api.runtime.RuntimeProperties;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The runtime's settings that change at run time, in the configuration
 * {@link RuntimeProperties#PID}: each key is the framework property's name
 * without {@code llmrecon.}. These defaults are the only ones; durations are
 * written {@code 500ms}, {@code 30s}, {@code 2m} or ISO-8601.
 */
@ObjectClassDefinition(name = "LLMrecon runtime",
        description = "Settings of the LLMrecon runtime that change while it runs")
public @interface RuntimeConfig {

    @AttributeDefinition(description = "How often the plugin folders are scanned where file-system events do "
            + "not reach them (where they do, scans follow the events, with a 2 s fallback poll)")
    String plugins_poll() default "25ms";

    @AttributeDefinition(description = "The bound on every call into plugin code (metadata, validators, "
            + "validateConfig, createProvider, close)")
    String plugin_call_timeout() default "10s";

    @AttributeDefinition(description = "How long calls wait for a replacement while a type's plugin is replaced")
    String swap_grace() default "2s";

    @AttributeDefinition(description = "How long a stopping plugin bundle waits for the calls in flight on its "
            + "providers")
    String swap_drain() default "5s";

    @AttributeDefinition(description = "How long after uninstall a reachable class loader counts as LEAKED")
    String leak_delay() default "10s";

    @AttributeDefinition(description = "A folder where one heap dump is written for each plugin found LEAKED; "
            + "empty for none", required = false)
    String leak_heapdumps() default "";
}
