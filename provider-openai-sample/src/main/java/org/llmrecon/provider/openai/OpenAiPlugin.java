package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugin: publishes the {@code openai} provider type. Its metadata is read from the bundle's own
 * {@code META-INF/llmrecon/plugin.json}, with the version from {@code Bundle-Version}, so all sources agree.
 */
@Component(service = PluginInterface.class)
public final class OpenAiPlugin implements PluginInterface {
    static final String PLUGIN_JSON = "/META-INF/llmrecon/plugin.json";

    private final PluginMetadata metadata;

    /** @param context the bundle context, for the bundle version */
    @Activate
    public OpenAiPlugin(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    OpenAiPlugin(String version) {
        this.metadata = readMetadata().version(version).build();
    }

    @Override
    public PluginMetadata getMetadata() {
        return metadata;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new OpenAiProvider(config, Clock.systemUTC());
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        ProviderSettings.from(config);
    }

    static PluginMetadata.Builder readMetadata() {
        try (InputStream in = OpenAiPlugin.class.getResourceAsStream(PLUGIN_JSON)) {
            if (in == null) {
                throw new IllegalStateException("openai: " + PLUGIN_JSON + " is missing from the bundle");
            }
            JsonNode json = Json.MAPPER.readTree(in);
            return PluginMetadata.builder().name(Json.text(json.get("name"))).author(Json.text(json.get("author")))
                    .description(Json.text(json.get("description"))).providerType(Json.text(json.get("provider_type")))
                    .supportedModels(list(json.path("supported_models")))
                    .minFrameworkVersion(Json.text(json.get("min_framework_version")))
                    .maxFrameworkVersion(Json.text(json.get("max_framework_version")))
                    .tags(list(json.path("tags")));
        } catch (IOException e) {
            throw new UncheckedIOException("openai: cannot read " + PLUGIN_JSON, e);
        }
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
