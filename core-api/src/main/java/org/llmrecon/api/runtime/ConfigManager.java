package org.llmrecon.api.runtime;

import java.util.List;
import java.util.Set;

import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The configuration of every provider type, merged from values set through
 * this API, environment variables, Config Admin and a JSON file.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ConfigManager {

    /**
     * @param type a provider type
     * @return its effective configuration; defaults when nothing is configured
     */
    ProviderConfig config(String type);

    /** @return the types that have any configuration */
    Set<String> configuredTypes();

    /**
     * Sets one value at the highest precedence; the factory re-creates the
     * type's provider on its next use.
     *
     * @param type a provider type
     * @param key a key such as {@code apiKey}, {@code baseUrl}, {@code timeout}
     * @param value the value; {@code null} removes the override
     * @throws IllegalArgumentException when the key is unknown or the value malformed
     */
    void set(String type, String key, String value);

    /**
     * @param type a provider type
     * @return its effective values with their sources, secrets masked
     */
    List<ConfigEntry> describe(String type);
}
