package org.llmrecon.runtime.internal.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.llmrecon.api.plugin.PluginMetadata;

/**
 * Reads plugin metadata from manifest headers: {@code Bundle-Name},
 * {@code Bundle-Version}, {@code Bundle-Vendor} (author),
 * {@code Bundle-Description} and the project's own headers below. Header
 * names are matched ignoring case, as OSGi does; values are trimmed; a header
 * that is absent or blank gives a {@code null} field. List headers are comma
 * separated; blank items are dropped.
 */
public final class ManifestMetadata {

    /** The provider type the plugin offers. */
    public static final String PROVIDER_TYPE = "LLMrecon-Provider-Type";
    /** The supported models, comma separated. */
    public static final String MODELS = "LLMrecon-Models";
    /** The lowest framework version the plugin works with. */
    public static final String MIN_FRAMEWORK_VERSION = "LLMrecon-Min-Framework-Version";
    /** The highest framework version the plugin works with. */
    public static final String MAX_FRAMEWORK_VERSION = "LLMrecon-Max-Framework-Version";
    /** Free-form tags, comma separated. */
    public static final String TAGS = "LLMrecon-Tags";

    private ManifestMetadata() {
    }

    /**
     * @param headers header name to value, as from {@code Bundle.getHeaders()}
     * @return the metadata the headers give
     */
    public static PluginMetadata read(Map<String, String> headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null) {
                h.put(name, value);
            }
        });
        return PluginMetadata.builder()
                .name(value(h, "Bundle-Name"))
                .version(value(h, "Bundle-Version"))
                .author(value(h, "Bundle-Vendor"))
                .description(value(h, "Bundle-Description"))
                .providerType(value(h, PROVIDER_TYPE))
                .supportedModels(list(h, MODELS))
                .minFrameworkVersion(value(h, MIN_FRAMEWORK_VERSION))
                .maxFrameworkVersion(value(h, MAX_FRAMEWORK_VERSION))
                .tags(list(h, TAGS))
                .build();
    }

    /**
     * @param headers the headers as {@code Bundle.getHeaders()} returns them
     * @return the metadata the headers give
     */
    public static PluginMetadata read(Dictionary<String, String> headers) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(headers.keys())) {
            copy.put(name, headers.get(name));
        }
        return read(copy);
    }

    /**
     * @param manifest a jar manifest
     * @return the metadata its main attributes give
     */
    public static PluginMetadata read(Manifest manifest) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<Object, Object> e : manifest.getMainAttributes().entrySet()) {
            headers.put(((Attributes.Name) e.getKey()).toString(), (String) e.getValue());
        }
        return read(headers);
    }

    private static String value(Map<String, String> headers, String name) {
        String value = headers.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> list(Map<String, String> headers, String name) {
        List<String> items = new ArrayList<>();
        String value = headers.get(name);
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
