package org.llmrecon.runtime.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ProviderException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code llm:providers} and {@code models}; targets and configuration are in {@link TargetCommands}. */
@Component(service = ProviderCommands.class, property = {"osgi.command.scope=llm",
        "osgi.command.function=providers", "osgi.command.function=models"})
public final class ProviderCommands {
    private final ProviderFactory factory;
    private final PluginManager plugins;

    /** @param factory the provider factory @param plugins the plugin manager */
    @Activate
    public ProviderCommands(@Reference ProviderFactory factory, @Reference PluginManager plugins) {
        this.factory = factory;
        this.plugins = plugins;
    }

    /** @param json whether to write JSON @return the targets with their plugin, state and usage */
    @Descriptor("list the targets that a plugin serves: type, plugin, state, usage and cost counted by the runtime,"
            + " per model too")
    public String providers(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        return providers(json, null);
    }

    /** @param json whether to write JSON @param target a target @return that target's row */
    @Descriptor("show one target: type, plugin, state, usage and cost")
    public String providers(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json, @Descriptor("target") String target) {
        List<ProviderView.Row> rows = new ArrayList<>();
        for (TargetInfo t : factory.targets()) {
            if (target != null && !t.name().equals(target) || target == null && !t.available()) {
                continue;
            }
            PluginInfo p = plugins.plugin(t.type()).orElse(null);
            String plugin = p == null ? null : p.name();
            String state = p == null ? null : p.state().name();
            try {
                ManagedProvider provider = factory.getProvider(t.name());
                rows.add(new ProviderView.Row(t.name(), t.type(), plugin, state, provider.usageMetrics(),
                        new TreeMap<>(provider.usageMetricsByModel()), provider.instances(), null));
            } catch (ProviderException e) {
                // a target offered but not configured (no key, no endpoint) must not hide the others
                rows.add(new ProviderView.Row(t.name(), t.type(), plugin, state, null, Map.of(), null,
                        e.getMessage()));
            }
        }
        if (target != null && rows.isEmpty()) {
            throw new IllegalArgumentException("no target '" + Text.clean(target) + "'");
        }
        return json ? Text.json(rows.stream().map(ProviderView::json).toList()) : ProviderView.providers(rows);
    }

    /** @param json whether to write JSON @return the models of every available target */
    @Descriptor("list the models of every available target")
    public String models(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        List<ModelInfo> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TargetInfo t : factory.targets()) {
            if (!t.available()) {
                continue;
            }
            try {
                models.addAll(factory.getProvider(t.name()).listModels());
            } catch (ProviderException e) {
                problems.add(e.getMessage());
            }
        }
        if (json) {
            return Text.json(models.stream().map(ProviderView::json).toList());
        }
        return ProviderView.models(models) + problems.stream().map(p -> "\nnot listed: " + p)
                .collect(Collectors.joining());
    }

    /** @param json whether to write JSON @param target a target @return its models */
    @Descriptor("list the models of one target")
    public String models(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json, @Descriptor("target") String target) {
        List<ModelInfo> models = factory.getProvider(target).listModels();
        return json ? Text.json(models.stream().map(ProviderView::json).toList()) : ProviderView.models(models);
    }
}
