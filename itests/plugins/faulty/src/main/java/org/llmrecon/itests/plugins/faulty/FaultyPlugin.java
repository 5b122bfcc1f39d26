package org.llmrecon.itests.plugins.faulty;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.service.component.annotations.Component;

/** A test plugin whose getMetadata() throws. */
@Component(service = PluginInterface.class)
public final class FaultyPlugin implements PluginInterface {

    @Override
    public PluginMetadata getMetadata() {
        throw new IllegalStateException("faulty on purpose");
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new Answering(config);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // any configuration will do for a provider that only echoes
    }

    static final class Answering extends EchoingProvider {
        Answering(ProviderConfig config) {
            super(config, "faulty");
        }
    }
}
