package org.llmrecon.api.runtime;

import java.util.Set;

import org.llmrecon.api.provider.ProviderUnavailableException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out providers by type. Instances are created lazily from the
 * {@link ConfigManager}'s configuration, once per type, and closed when their
 * plugin goes away.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ProviderFactory {

    /**
     * @param type a provider type
     * @return the provider for that type
     * @throws ProviderUnavailableException when no active plugin offers the
     *         type, or creating the provider failed (the reason is in the message)
     */
    ManagedProvider getProvider(String type);

    /** @return the provider types of all active plugins */
    Set<String> providerTypes();

    /**
     * Closes the current instance of a type so the next call creates a new one
     * from the current configuration.
     *
     * @param type a provider type
     */
    void refresh(String type);

    /** Refreshes every type. */
    void refreshAll();
}
