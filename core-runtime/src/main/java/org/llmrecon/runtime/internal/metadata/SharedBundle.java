package org.llmrecon.runtime.internal.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.llmrecon.api.plugin.PluginMetadata;

/**
 * A bundle that offers several provider types, one plugin service each, lists them all in
 * {@code LLMrecon-Provider-Type} (comma separated). Its sources are then narrowed to the one plugin being
 * described: the manifest gives it only its type, version, author and framework range (the bundle's name,
 * description, models and tags describe no single plugin), and a JSON source that names another of the
 * listed types describes that sibling, so it is left out. A bundle with one type is left as it is.
 */
public final class SharedBundle {

    private SharedBundle() {
    }

    /**
     * @param manifest what the manifest headers give
     * @return the provider types the manifest lists, in order; empty when it names none
     */
    public static List<String> types(PluginMetadata manifest) {
        String header = manifest.providerType();
        if (header == null) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * @param sources a plugin's sources, highest precedence first
     * @param serviceType the type the plugin service names in {@code getMetadata()}, or {@code null} for a jar
     *        read from disk: then the type the highest JSON source names, else the first listed
     * @return the sources as they describe that one plugin
     */
    public static List<MetadataSource> narrow(List<MetadataSource> sources, String serviceType) {
        MetadataSource manifest = sources.stream().filter(s -> s.name().equals(MetadataSource.BUNDLE_MANIFEST))
                .findFirst().orElse(null);
        List<String> types = manifest == null ? List.of() : types(manifest.metadata());
        if (types.size() < 2) {
            return sources;
        }
        String type = types.contains(serviceType) ? serviceType : serviceType == null ? jsonType(sources, types) : null;
        if (type == null) {
            return sources;
        }
        List<MetadataSource> narrowed = new ArrayList<>();
        for (MetadataSource source : sources) {
            String named = source.metadata().providerType();
            if (source == manifest) {
                PluginMetadata m = source.metadata();
                narrowed.add(new MetadataSource(source.name(), PluginMetadata.builder().providerType(type)
                        .version(m.version()).author(m.author()).minFrameworkVersion(m.minFrameworkVersion())
                        .maxFrameworkVersion(m.maxFrameworkVersion()).build()));
            } else if (named == null || named.equals(type) || !types.contains(named)
                    || source.name().equals(MetadataSource.SERVICE)) {
                narrowed.add(source);
            }
        }
        return narrowed;
    }

    private static String jsonType(List<MetadataSource> sources, List<String> types) {
        return sources.stream().map(s -> s.metadata().providerType()).filter(types::contains).findFirst()
                .orElse(types.get(0));
    }
}
