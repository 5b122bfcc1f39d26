package org.llmrecon.runtime.internal.metadata;

import java.util.ArrayList;
import java.util.List;
import org.llmrecon.api.plugin.PluginMetadata;

/** TEMP placeholder, replaced by the metadata branch. */
public final class MetadataMerger {
    public static MergedMetadata merge(List<MetadataSource> sources) {
        PluginMetadata.Builder b = PluginMetadata.builder();
        String name = null, version = null, type = null, min = null, max = null;
        for (MetadataSource s : sources) {
            PluginMetadata m = s.metadata();
            if (name == null) name = m.name();
            if (version == null) version = m.version();
            if (type == null) type = m.providerType();
            if (min == null) min = m.minFrameworkVersion();
            if (max == null) max = m.maxFrameworkVersion();
        }
        return new MergedMetadata(b.name(name).version(version).providerType(type).minFrameworkVersion(min).maxFrameworkVersion(max).build(), new ArrayList<>());
    }
}
