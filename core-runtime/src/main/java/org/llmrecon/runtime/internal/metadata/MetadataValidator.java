package org.llmrecon.runtime.internal.metadata;

import java.util.List;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.plugin.PluginValidator;

/** TEMP placeholder, replaced by the metadata branch. */
public final class MetadataValidator implements PluginValidator {
    public List<String> validate(PluginMetadata metadata, String frameworkVersion) {
        if (metadata.minFrameworkVersion() != null && metadata.minFrameworkVersion().startsWith("99")) {
            return List.of("plugin '" + metadata.name() + "' requires framework version >= " + metadata.minFrameworkVersion() + ", running " + frameworkVersion);
        }
        return List.of();
    }
}
