package org.llmrecon.provider.anthropic;

import java.time.Clock;
import java.util.List;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.service.component.annotations.Component;

/**
 * The anthropic provider plugin: published as a {@link PluginInterface} service by Declarative Services as
 * soon as the bundle starts; the runtime asks it for providers of type {@code anthropic}.
 */
@Component(service = PluginInterface.class)
public final class AnthropicPlugin implements PluginInterface {

    // Also in bundle.bnd (manifest headers), the pom (name, description) and META-INF/llmrecon/plugin.json;
    // PluginMetadataTest fails when they disagree.
    static final PluginMetadata METADATA = PluginMetadata.builder()
            .name("Anthropic Provider")
            .version("1.0.0")
            .author("LLMrecon")
            .description("Speaks the Anthropic Messages API: chat, streaming, tools, images, models, token counting.")
            .providerType(AnthropicSettings.TYPE)
            .supportedModels(AnthropicModels.KNOWN)
            .minFrameworkVersion("1.0.0")
            .maxFrameworkVersion("1.99.99")
            .tags(List.of("anthropic", "claude", "chat", "streaming", "tools", "vision"))
            .build();

    @Override
    public PluginMetadata getMetadata() {
        return METADATA;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new AnthropicProvider(config, Clock.systemUTC());
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        AnthropicSettings.from(config);
    }
}
