package org.llmrecon.bench.plugin;

import java.util.List;
import java.util.Map;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * The plugin of the generated scale bundles: a DS component whose provider
 * type comes from its component property {@value #TYPE_PROPERTY}, which the
 * generator writes into each copy's component XML (and its manifest header).
 */
public final class MinimalPlugin implements PluginInterface {
    public static final String TYPE_PROPERTY = "bench.provider.type";

    private volatile PluginMetadata metadata;

    /** Called by SCR on activation. */
    public void activate(Map<String, Object> props) {
        String type = (String) props.get(TYPE_PROPERTY);
        metadata = PluginMetadata.builder().name("bench " + type).version("1.0.0").providerType(type)
                .supportedModels(List.of("echo")).build();
    }

    @Override
    public PluginMetadata getMetadata() {
        return metadata;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new MinimalProvider(config);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // any configuration will do: the provider never leaves the process
    }
}
