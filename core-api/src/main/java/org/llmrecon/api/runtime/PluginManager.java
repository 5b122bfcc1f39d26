package org.llmrecon.api.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists, installs, reloads and uninstalls plugins.
 *
 * @since 1.0.0
 */
@ProviderType
public interface PluginManager {

    /** @return every plugin known, in every state, ordered by name */
    List<PluginInfo> plugins();

    /**
     * @param name a plugin name, provider type or bundle symbolic name
     * @return that plugin, if known
     */
    Optional<PluginInfo> plugin(String name);

    /**
     * Installs and starts a plugin jar.
     *
     * @param jar the file
     * @return the plugin as it stands after installation
     * @throws IllegalArgumentException when the file cannot be installed, with the reason
     */
    PluginInfo install(Path jar);

    /**
     * Stops and uninstalls a plugin, closes its providers and refreshes
     * packages so its class loader can be collected.
     *
     * @param name a plugin name, provider type or bundle symbolic name
     * @throws IllegalArgumentException when there is no such plugin
     */
    void uninstall(String name);

    /**
     * Reinstalls a plugin from its location, as after an update.
     *
     * @param name a plugin name, provider type or bundle symbolic name
     * @return the plugin as it stands after the reload
     * @throws IllegalArgumentException when there is no such plugin
     */
    PluginInfo reload(String name);

    /** @return the folders watched for plugin jars */
    List<Path> watchedFolders();
}
