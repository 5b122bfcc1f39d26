package org.llmrecon.provider.anthropic;

import java.util.List;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.service.component.annotations.Component;

/**
 * The anthropic provider plugin: published as a {@link PluginInterface} service by
 * Declarative Services as soon as the bundle starts. The runtime finds it,
 * merges {@link #getMetadata()} with the manifest headers and
 * {@code META-INF/llmrecon/plugin.json}, and asks it for providers of type
 * {@code anthropic}.
 */
@Component(service = PluginInterface.class)
public final class AnthropicPlugin implements PluginInterface {

    /** The provider type. */
    public static final String TYPE = "anthropic";

    // Also in bundle.bnd (manifest headers), the pom (name, description) and META-INF/llmrecon/plugin.json;
    // PluginMetadataTest fails when they disagree.
    static final PluginMetadata METADATA = PluginMetadata.builder()
            .name("Anthropic Provider")
            .version("1.0.0")
            .author("LLMrecon")
            .description("An offline, deterministic provider with injectable latency and faults;"
                    + " the template for new provider plugins.")
            .providerType(TYPE)
            .supportedModels(AnthropicModels.ids())
            .minFrameworkVersion("1.0.0")
            .maxFrameworkVersion("1.99.99")
            .tags(List.of("anthropic", "offline", "template", "testing"))
            .build();

    @Override
    public PluginMetadata getMetadata() {
        return METADATA;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new AnthropicProvider(config, AnthropicSettings.from(config));
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        AnthropicSettings.from(config);
    }
}
