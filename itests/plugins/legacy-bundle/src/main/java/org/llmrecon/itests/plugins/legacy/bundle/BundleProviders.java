package org.llmrecon.itests.plugins.legacy.bundle;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;

/** A legacy provider in the factory form: the seed's {@code NewProvider(config)} as a public static method. */
public final class BundleProviders {
    private BundleProviders() {
    }

    /**
     * @param config the configuration
     * @return a provider answering {@code "legacy-bundle 1.3.0: <prompt>"}
     */
    public static Provider newProvider(ProviderConfig config) {
        return new Answering(config);
    }

    /** Lives in this bundle, so a live instance pins its class loader. */
    static final class Answering extends EchoingProvider {
        Answering(ProviderConfig config) {
            super(config, "legacy-bundle 1.3.0");
        }
    }
}
