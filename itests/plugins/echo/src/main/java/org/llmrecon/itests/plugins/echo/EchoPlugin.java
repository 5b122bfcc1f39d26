package org.llmrecon.itests.plugins.echo;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The test plugin of every jar this module builds (echo, its update, the two
 * shadow versions, future, unresolvable): its provider type and version are
 * its bundle's {@code LLMrecon-Provider-Type} and {@code Bundle-Version}, so the
 * jars differ only in their manifests (see {@code bundle.bnd} and {@code variants/}).
 */
@Component(service = PluginInterface.class)
public final class EchoPlugin implements PluginInterface {
    private final String type;
    private final String signature;

    /** @param context this plugin's bundle, whose manifest says what it is */
    @Activate
    public EchoPlugin(BundleContext context) {
        Bundle bundle = context.getBundle();
        type = bundle.getHeaders().get("LLMrecon-Provider-Type");
        signature = type + " " + bundle.getVersion();
    }

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().providerType(type).build();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new Answering(config, signature);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // any configuration will do for a provider that only echoes
    }

    /**
     * Lives in this bundle, so a provider that is kept pins this bundle's class loader. Each chat leaves the
     * provider in a thread local of the calling thread, as a library's per-thread cache would: the thread then
     * pins this bundle's class loader for as long as it lives, unless the runtime lets it go.
     */
    static final class Answering extends EchoingProvider {
        private static final ThreadLocal<Answering> LAST = new ThreadLocal<>();

        Answering(ProviderConfig config, String signature) {
            super(config, signature);
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            LAST.set(this);
            return super.chat(request);
        }
    }
}
