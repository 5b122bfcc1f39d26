package org.llmrecon.itests.plugins.legacy.services;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;

/** A plugin registered the ServiceLoader way: public, with a public no-argument constructor and its own metadata. */
public final class ServicesPlugin implements PluginInterface {

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().name("itest-legacy-services").version("1.1.0").providerType("legacy-services")
                .build();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new Answering(config);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // any configuration will do for a provider that only echoes
    }

    /** Lives in this jar, so a live instance pins its class loader. */
    static final class Answering extends EchoingProvider {
        Answering(ProviderConfig config) {
            super(config, "legacy-services 1.1.0");
        }
    }
}
