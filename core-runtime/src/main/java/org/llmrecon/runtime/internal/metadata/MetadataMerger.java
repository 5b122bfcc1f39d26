package org.llmrecon.runtime.internal.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.llmrecon.api.plugin.PluginMetadata;

/**
 * Merges a plugin's metadata sources. The runtime's order, highest
 * precedence first, is: sidecar {@code <jar>.metadata.json},
 * {@code META-INF/llmrecon/plugin.json}, the bundle manifest,
 * {@code PluginInterface.getMetadata()}. Field by field, the first source
 * with a value wins: a string is a value unless null or blank, a list unless
 * empty (lists are not combined). Only the provider type must agree: every
 * source that gives a different one than the winner is reported as a
 * conflict naming both sources and values.
 */
public final class MetadataMerger {

    private MetadataMerger() {
    }

    /**
     * @param sources highest precedence first
     * @return the merged metadata and the conflicts found
     */
    public static MergedMetadata merge(List<MetadataSource> sources) {
        PluginMetadata merged = PluginMetadata.builder()
                .name(first(sources, PluginMetadata::name))
                .version(first(sources, PluginMetadata::version))
                .author(first(sources, PluginMetadata::author))
                .description(first(sources, PluginMetadata::description))
                .providerType(first(sources, PluginMetadata::providerType))
                .supportedModels(firstList(sources, PluginMetadata::supportedModels))
                .minFrameworkVersion(first(sources, PluginMetadata::minFrameworkVersion))
                .maxFrameworkVersion(first(sources, PluginMetadata::maxFrameworkVersion))
                .tags(firstList(sources, PluginMetadata::tags))
                .build();
        return new MergedMetadata(merged, providerTypeConflicts(sources));
    }

    private static List<String> providerTypeConflicts(List<MetadataSource> sources) {
        List<String> conflicts = new ArrayList<>();
        MetadataSource winner = null;
        for (MetadataSource source : sources) {
            String type = source.metadata().providerType();
            if (!given(type)) {
                continue;
            }
            if (winner == null) {
                winner = source;
            } else if (!type.equals(winner.metadata().providerType())) {
                conflicts.add("provider type conflict: " + winner.name() + " says "
                        + DisplayText.quote(winner.metadata().providerType()) + " but " + source.name() + " says "
                        + DisplayText.quote(type));
            }
        }
        return conflicts;
    }

    private static String first(List<MetadataSource> sources, Function<PluginMetadata, String> field) {
        for (MetadataSource source : sources) {
            String value = field.apply(source.metadata());
            if (given(value)) {
                return value;
            }
        }
        return null;
    }

    private static List<String> firstList(List<MetadataSource> sources, Function<PluginMetadata, List<String>> field) {
        for (MetadataSource source : sources) {
            List<String> value = field.apply(source.metadata());
            if (!value.isEmpty()) {
                return value;
            }
        }
        return List.of();
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
