package org.llmrecon.itests.plugins.hanging;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.llmrecon.itests.probe.Hang;
import org.osgi.service.component.annotations.Component;

/** A test plugin whose getMetadata() hangs until the test releases it. */
@Component(service = PluginInterface.class)
public final class HangingPlugin implements PluginInterface {

    @Override
    public PluginMetadata getMetadata() {
        Hang.untilReleased();
        return PluginMetadata.builder().providerType("hanging").build();
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
            super(config, "hanging");
        }
    }
}
