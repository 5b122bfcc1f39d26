package org.llmrecon.runtime.internal;

import java.time.Duration;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.runtime.internal.resilience.CallGuard;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;

/**
 * The handle {@link RuntimeProviderFactory} hands out for a plugin, built outside OSGi from the same
 * classes, wired the same way, with default resilience settings: for benchmarks that want the runtime's
 * call path without a framework.
 */
public final class ManagedProviders {
    private ManagedProviders() {
    }

    /** @return a managed provider bound to the plugin; {@link #release} ends it */
    public static ManagedProvider of(PluginInterface plugin, ProviderConfig config) {
        ProviderHandle handle = new ProviderHandle(config.type(), new PluginCalls(Duration.ofSeconds(30)),
                Duration.ZERO, ResilienceSettings.defaults(), m -> { });
        handle.configure(config, ResilienceSettings.defaults());
        handle.serve(new PluginCandidate(1L, 0, null, plugin, plugin.getMetadata(), PluginState.ACTIVE, null, false));
        return handle;
    }

    /** Unbinds the plugin: the provider instance is closed. */
    public static void release(ManagedProvider handle) {
        ((ProviderHandle) handle).unavailable("gone");
    }
}
