package org.llmrecon.itests.plugins.unresolvable;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.service.component.annotations.Component;

/** A test plugin that never runs: its bundle imports a package nobody exports. */
@Component(service = PluginInterface.class)
public final class UnresolvablePlugin implements PluginInterface {

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().providerType("unresolvable").build();
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
            super(config, "unresolvable");
        }
    }
}
