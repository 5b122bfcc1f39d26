package org.llmrecon.itests.plugins.future;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.service.component.annotations.Component;

/** A test plugin; see bundle.bnd for the metadata its manifest carries. */
@Component(service = PluginInterface.class)
public final class FuturePlugin implements PluginInterface {

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().providerType("future").build();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new Answering(config);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // any configuration will do for a provider that only echoes
    }

    /** Lives in this bundle, so a provider that is kept pins this bundle's class loader. */
    static final class Answering extends EchoingProvider {
        Answering(ProviderConfig config) {
            super(config, "future 5.0.0");
        }
    }
}
