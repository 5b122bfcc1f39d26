package org.llmrecon.itests.plugins.legacy;

import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;

/** A legacy provider: nothing but a public constructor taking the configuration. */
public class LegacyEchoProvider extends EchoingProvider {

    /** @param config the configuration */
    public LegacyEchoProvider(ProviderConfig config) {
        super(config, "legacy-echo 1.2");
    }
}
