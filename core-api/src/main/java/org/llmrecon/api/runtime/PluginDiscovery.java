package org.llmrecon.api.runtime;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds and checks plugin files in the watched folders without installing them.
 *
 * @since 1.0.0
 */
@ProviderType
public interface PluginDiscovery {

    /** @return a check of every {@code *.jar} in the watched folders */
    List<PluginCheck> discover();

    /**
     * Reads a jar and its {@code <jar>.metadata.json} sidecar, merges the
     * metadata and validates it, without installing anything.
     *
     * @param jar the plugin file
     * @return the result
     */
    PluginCheck check(Path jar);
}
