package org.llmrecon.runtime.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ProviderException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code llm:providers}, {@code models}, {@code config}; {@code chat} is in {@link ChatCommand}. */
@Component(service = ProviderCommands.class, property = {"osgi.command.scope=llm",
        "osgi.command.function=providers", "osgi.command.function=models", "osgi.command.function=config"})
public final class ProviderCommands {
    private final ProviderFactory factory;
    private final PluginManager plugins;
    private final ConfigManager configs;

    /** @param factory the provider factory @param plugins the plugin manager @param configs the configuration */
    @Activate
    public ProviderCommands(@Reference ProviderFactory factory, @Reference PluginManager plugins,
            @Reference ConfigManager configs) {
        this.factory = factory;
        this.plugins = plugins;
        this.configs = configs;
    }

    /** @param json whether to write JSON @return the provider types with their plugin, state and usage */
    @Descriptor("list provider types: plugin, state, usage and cost counted by the runtime, per model too")
    public String providers(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        List<ProviderView.Row> rows = new ArrayList<>();
        for (String type : new TreeSet<>(factory.providerTypes())) {
            PluginInfo p = plugins.plugin(type).orElse(null);
            String plugin = p == null ? null : p.name();
            String state = p == null ? null : p.state().name();
            try {
                ManagedProvider provider = factory.getProvider(type);
                rows.add(new ProviderView.Row(type, plugin, state, provider.usageMetrics(),
                        new TreeMap<>(provider.usageMetricsByModel()), provider.instances(), null));
            } catch (ProviderException e) {
                // a type offered but not configured (no key, no endpoint) must not hide the others
                rows.add(new ProviderView.Row(type, plugin, state, null, Map.of(), null, e.getMessage()));
            }
        }
        return json ? Text.json(rows.stream().map(ProviderView::json).toList()) : ProviderView.providers(rows);
    }

    /** @param json whether to write JSON @return the models of every provider type */
    @Descriptor("list the models of every provider type")
    public String models(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        List<ModelInfo> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String type : new TreeSet<>(factory.providerTypes())) {
            try {
                models.addAll(factory.getProvider(type).listModels());
            } catch (ProviderException e) {
                problems.add(e.getMessage());
            }
        }
        if (json) {
            return Text.json(models.stream().map(ProviderView::json).toList());
        }
        return ProviderView.models(models) + problems.stream().map(p -> "\nnot listed: " + p).collect(Collectors.joining());
    }

    /** @param json whether to write JSON @param type a provider type @return its models */
    @Descriptor("list the models of one provider type")
    public String models(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json, @Descriptor("provider type") String type) {
        List<ModelInfo> models = factory.getProvider(type).listModels();
        return json ? Text.json(models.stream().map(ProviderView::json).toList()) : ProviderView.models(models);
    }

    /** @param type a provider type @return its effective configuration, secrets masked */
    @Descriptor("show a provider type's effective configuration and where each value comes from (secrets masked)")
    public String config(@Descriptor("provider type") String type) {
        return ProviderView.config(type, configs.describe(type));
    }

    /** @param type a provider type @param key a key @param value its value @return what was set */
    @Descriptor("set one configuration value, above every other source; the provider is re-created on next use")
    public String config(@Descriptor("provider type") String type,
            @Descriptor("key, e.g. apiKey, baseUrl, timeout, defaultModel, retry.maxRetries") String key,
            @Descriptor("the value") String value) {
        configs.set(type, key, value);
        boolean secret = configs.describe(type).stream().filter(e -> e.key().equals(key))
                .anyMatch(ConfigEntry::secret);
        return "set " + Text.clean(type) + " " + Text.clean(key) + (secret ? "" : " = " + Text.clean(value));
    }
}
