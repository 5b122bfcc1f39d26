package org.llmrecon.runtime.internal.metadata;

import java.util.Map;
import org.llmrecon.api.plugin.PluginMetadata;

/** TEMP placeholder, replaced by the metadata branch. */
public final class ManifestMetadata {
    public static final String PROVIDER_TYPE = "LLMrecon-Provider-Type";
    public static PluginMetadata read(Map<String, String> h) {
        return PluginMetadata.builder().name(h.get("Bundle-Name")).version(h.get("Bundle-Version"))
            .providerType(h.get(PROVIDER_TYPE)).minFrameworkVersion(h.get("LLMrecon-Min-Framework-Version"))
            .maxFrameworkVersion(h.get("LLMrecon-Max-Framework-Version")).build();
    }
    public static PluginMetadata read(java.util.jar.Manifest m) {
        Map<String, String> h = new java.util.HashMap<>();
        m.getMainAttributes().forEach((k, v) -> h.put(k.toString(), v.toString()));
        return read(h);
    }
}
