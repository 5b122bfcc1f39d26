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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The plugin: publishes the {@code openai} provider type. Its metadata is read from the bundle's own
 * {@code META-INF/llmrecon/plugin.json}, with the version from {@code Bundle-Version}, so all sources agree.
 * It is read with the streaming parser: databind is needed by the first request, not by the plugin's start.
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
        this.metadata = readMetadata(PLUGIN_JSON).version(version).build();
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

    /** @param path a metadata JSON inside the bundle, in the format of {@code plugin.json} */
    static PluginMetadata.Builder readMetadata(String path) {
        try (InputStream in = OpenAiPlugin.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the bundle");
            }
            try (JsonParser json = new JsonFactory().createParser(in)) {
                return metadata(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static PluginMetadata.Builder metadata(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("the top level is not an object");
        }
        PluginMetadata.Builder metadata = PluginMetadata.builder();
        List<String> models = List.of();
        List<String> tags = List.of();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "name" -> metadata.name(text(json));
                case "author" -> metadata.author(text(json));
                case "description" -> metadata.description(text(json));
                case "provider_type" -> metadata.providerType(text(json));
                case "min_framework_version" -> metadata.minFrameworkVersion(text(json));
                case "max_framework_version" -> metadata.maxFrameworkVersion(text(json));
                case "supported_models" -> models = list(json);
                case "tags" -> tags = list(json);
                default -> json.skipChildren();
            }
        }
        return metadata.supportedModels(models).tags(tags);
    }

    private static String text(JsonParser json) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : json.getValueAsString();
    }

    private static List<String> list(JsonParser json) throws IOException {
        List<String> values = new ArrayList<>();
        if (json.currentToken() == JsonToken.START_ARRAY) {
            while (json.nextToken() != JsonToken.END_ARRAY) {
                values.add(json.getValueAsString());
                json.skipChildren();
            }
        }
        return values;
    }
}
