package org.llmrecon.provider.openai;

import java.time.Clock;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin of the {@code azure-openai} provider type, the bundle's second: the manifest lists both types,
 * and this one's name, models and tags are in {@code META-INF/llmrecon/azure-openai.json}, which the runtime
 * does not read (it reads {@code plugin.json}, which is the {@code openai} plugin's), so they reach it through
 * {@link #getMetadata()}.
 */
@Component(service = PluginInterface.class)
public final class AzureOpenAiPlugin implements PluginInterface {
    static final String METADATA_JSON = "/META-INF/llmrecon/azure-openai.json";

    private final PluginMetadata metadata;

    /** @param context the bundle context, for the bundle version */
    @Activate
    public AzureOpenAiPlugin(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    AzureOpenAiPlugin(String version) {
        this.metadata = OpenAiPlugin.readMetadata(METADATA_JSON).version(version).build();
    }

    @Override
    public PluginMetadata getMetadata() {
        return metadata;
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new AzureOpenAiProvider(config, Clock.systemUTC());
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        AzureSettings.from(config);
    }
}
