package org.llmrecon.api.runtime;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.llmrecon.api.provider.ProviderUnavailableException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out providers by target. A target is a named configuration of a
 * provider type (see {@link ConfigManager}); every provider type whose
 * plugin is active also has a default target named like the type, so
 * {@code getProvider("openai")} works with no configuration. Instances are
 * created lazily, one per target, and closed when their plugin goes away.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ProviderFactory {

    /**
     * @param target a target name, or a provider type for its default target
     * @return the target's provider
     * @throws ProviderUnavailableException when the target is unknown, no active
     *         plugin offers its type, or creating the provider failed (the reason is in the message)
     */
    ManagedProvider getProvider(String target);

    /** @return the provider types of all active plugins */
    Set<String> providerTypes();

    /**
     * @return every target: those configured, and the default target of each active type;
     *         a target whose type has no active plugin is listed with that reason
     */
    List<TargetInfo> targets();

    /**
     * @param name a target name
     * @return the target, if it is configured or is the default target of an active type
     */
    Optional<TargetInfo> target(String name);

    /**
     * Closes the current instance of a target so the next call creates a new
     * one from the current configuration.
     *
     * @param target a target name
     */
    void refresh(String target);

    /** Refreshes every target. */
    void refreshAll();
}
