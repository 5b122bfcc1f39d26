package org.llmrecon.itests.plugins.failing;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.service.component.annotations.Component;

/** A test plugin whose component cannot be created. */
@Component(service = PluginInterface.class)
public final class FailingPlugin implements PluginInterface {

    /** Fails on purpose, as a component whose start-up breaks would. */
    public FailingPlugin() {
        throw new IllegalStateException("failing on purpose");
    }

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().providerType("failing").build();
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
            super(config, "failing");
        }
    }
}
