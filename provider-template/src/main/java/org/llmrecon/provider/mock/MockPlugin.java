package org.llmrecon.provider.mock;

import java.util.List;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Component;

/**
 * The mock provider plugin: published as a {@link PluginInterface} service by
 * Declarative Services as soon as the bundle starts. The runtime finds it,
 * merges {@link #getMetadata()} with the manifest headers and
 * {@code META-INF/llmrecon/plugin.json}, and asks it for providers of type
 * {@code mock}.
 * <p>
 * bnd writes the {@code @Header}s below into the manifest; {@code Bundle-Name},
 * {@code Bundle-Description} and {@code Bundle-Version} come from the pom and
 * {@code Bundle-Vendor} from the parent pom.
 */
@Component(service = PluginInterface.class)
@Header(name = "LLMrecon-Provider-Type", value = MockPlugin.TYPE)
@Header(name = "LLMrecon-Models", value = MockPlugin.MODELS)
@Header(name = "LLMrecon-Min-Framework-Version", value = MockPlugin.MIN_FRAMEWORK_VERSION)
@Header(name = "LLMrecon-Max-Framework-Version", value = MockPlugin.MAX_FRAMEWORK_VERSION)
@Header(name = "LLMrecon-Tags", value = MockPlugin.TAGS)
public final class MockPlugin implements PluginInterface {

    /** The provider type. */
    public static final String TYPE = "mock";
    static final String MODELS = MockModels.CHAT + "," + MockModels.COMPLETION + "," + MockModels.EMBEDDING;
    static final String MIN_FRAMEWORK_VERSION = "1.0.0";
    static final String MAX_FRAMEWORK_VERSION = "1.99.99";
    static final String TAGS = "mock,offline,template,testing";

    // Also written in META-INF/llmrecon/plugin.json and the pom; PluginMetadataTest keeps all of them in step.
    static final PluginMetadata METADATA = PluginMetadata.builder()
            .name("LLMrecon Mock Provider")
            .version("1.0.0")
            .author("LLMrecon")
            .description("An offline, deterministic provider with injectable latency and faults;"
                    + " the template for new provider plugins.")
            .providerType(TYPE)
            .supportedModels(List.of(MODELS.split(",")))
            .minFrameworkVersion(MIN_FRAMEWORK_VERSION)
            .maxFrameworkVersion(MAX_FRAMEWORK_VERSION)
            .tags(List.of(TAGS.split(",")))
            .build();

    @Override
    public PluginMetadata getMetadata() {
        return METADATA;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new MockProvider(config, MockSettings.from(config));
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        MockSettings.from(config);
    }
}
