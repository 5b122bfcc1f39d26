package org.llmrecon.api.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The configuration of every target, merged, highest precedence first, from
 * values given in code ({@code api}), environment variables ({@code env}),
 * the configuration folder ({@code etc}, Config Admin) and the JSON file
 * ({@code json}). A target's type is its {@code type} key, or its name for a
 * type's default target.
 * <p>
 * Changes made through this interface are checked by the plugin of the
 * target's type first, then written atomically to the configuration folder
 * (secrets encrypted, see {@link Secrets}), and each change keeps the
 * version before it for {@link #rollback}. A refused change stores nothing.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ConfigManager {

    /** The pattern every target name matches. */
    String TARGET_NAME = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * @param target a target name
     * @return its effective configuration; defaults when nothing is configured
     * @throws IllegalStateException when a stored secret cannot be decrypted (one line naming the key file)
     */
    ProviderConfig config(String target);

    /**
     * @param target a target name
     * @return its provider type: the {@code type} key, else the name itself
     */
    String type(String target);

    /** @return the names of the targets that have any configuration */
    Set<String> targets();

    /**
     * Adds a target, or replaces the values of one the runtime stored before.
     *
     * @param name its name, matching {@link #TARGET_NAME}
     * @param type its provider type
     * @param values its keys and values, e.g. {@code baseUrl}
     * @throws IllegalArgumentException when the name, a key or a value is refused (one line)
     */
    void addTarget(String name, String type, Map<String, String> values);

    /**
     * Removes the target's stored file; values from the environment or files a
     * person wrote stay.
     *
     * @param name a target name
     * @throws IllegalArgumentException when the runtime stored nothing for it
     */
    void removeTarget(String name);

    /**
     * Sets or removes one value, checked, written and versioned.
     *
     * @param target a target name
     * @param key a key such as {@code apiKey}, {@code baseUrl}, {@code timeout}
     * @param value the value; {@code null} removes it
     * @throws IllegalArgumentException when the key is unknown or the value is refused (one line)
     */
    void set(String target, String key, String value);

    /**
     * @param target a target name
     * @return its effective values with their sources, secrets masked
     */
    List<ConfigEntry> describe(String target);

    /**
     * @param target a target name
     * @return the kept versions of the target's stored values, oldest first
     * @throws IllegalArgumentException when the history cannot be read (one line)
     */
    List<ConfigVersion> history(String target);

    /**
     * Restores a kept version of the target's stored values, itself as a new version.
     *
     * @param target a target name
     * @param version a version number from {@link #history}, or 0 for the one before the current
     * @throws IllegalArgumentException when there is no such version or it cannot be read (one line);
     *         the current configuration then stays as it was
     */
    void rollback(String target, int version);

    /**
     * Rewrites the plain-text secrets of the target's files in the configuration folder encrypted.
     *
     * @param target a target name, or {@code null} for every target
     * @return the number of values encrypted
     */
    int encrypt(String target);
}
