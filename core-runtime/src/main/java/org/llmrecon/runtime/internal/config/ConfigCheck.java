package org.llmrecon.runtime.internal.config;

import org.llmrecon.api.provider.ProviderConfig;

/** Asks the plugin of a provider type whether it accepts a configuration, before the runtime stores it. */
public interface ConfigCheck {

    /**
     * @param target the target the configuration is for
     * @param config the configuration, its type the target's
     * @return {@code null} when accepted or no active plugin offers the type, else the plugin's reason as one line
     */
    String problem(String target, ProviderConfig config);
}
