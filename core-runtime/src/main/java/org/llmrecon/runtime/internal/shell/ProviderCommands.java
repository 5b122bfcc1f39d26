package org.llmrecon.runtime.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.api.provider.ModelInfo;
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
            ManagedProvider provider = t.available() ? factory.getProvider(t.name()) : null;
            rows.add(new ProviderView.Row(t.name(), t.type(), p == null ? null : p.name(),
                    p == null ? null : p.state().name(), provider == null ? null : provider.usageMetrics(),
                    provider == null ? Map.of() : new TreeMap<>(provider.usageMetricsByModel()),
                    provider == null ? null : provider.instances()));
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
        for (TargetInfo t : factory.targets()) {
            if (t.available()) {
                models.addAll(factory.getProvider(t.name()).listModels());
            }
        }
        return json ? Text.json(models.stream().map(ProviderView::json).toList()) : ProviderView.models(models);
    }

    /** @param json whether to write JSON @param target a target @return its models */
    @Descriptor("list the models of one target")
    public String models(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json, @Descriptor("target") String target) {
        List<ModelInfo> models = factory.getProvider(target).listModels();
        return json ? Text.json(models.stream().map(ProviderView::json).toList()) : ProviderView.models(models);
    }
}
