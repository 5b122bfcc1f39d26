package org.llmrecon.api.plugin;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The contract of a provider plugin. A plugin bundle publishes one instance
 * as an OSGi service (normally a Declarative Services component); the runtime
 * tracks it, validates its metadata and offers its provider type through the
 * {@link org.llmrecon.api.runtime.ProviderFactory}.
 *
 * @since 1.0.0
 */
@ConsumerType
public interface PluginInterface {

    /**
     * @return what the plugin says about itself; the runtime merges this with
     *         the bundle manifest, JSON inside the bundle and a sidecar file
     */
    PluginMetadata getMetadata();

    /**
     * Creates a provider. The runtime calls {@link #validateConfig} first and
     * closes the provider exactly once when it is no longer used.
     *
     * @param config the configuration for this provider type
     * @return a new provider
     * @throws ProviderException when it cannot be created
     */
    Provider createProvider(ProviderConfig config);

    /**
     * Checks a configuration before any provider is created or any request
     * made.
     *
     * @param config the configuration to check
     * @throws InvalidConfigException naming the field at fault, never a secret value
     */
    void validateConfig(ProviderConfig config);
}
