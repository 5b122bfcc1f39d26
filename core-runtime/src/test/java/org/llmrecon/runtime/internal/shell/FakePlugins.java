package org.llmrecon.runtime.internal.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;

/** A plugin manager and discovery over a fixed list, recording what the commands asked for. */
final class FakePlugins implements PluginManager, PluginDiscovery {
    final List<PluginInfo> plugins = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    PluginCheck check;

    static PluginInfo active(String name, String type) {
        return PluginInfo.builder().name(name).providerType(type).version("1.2.3").state(PluginState.ACTIVE)
                .location("file:/p/" + type + ".jar").bundleId(7).metadata(PluginMetadata.builder().name(name).providerType(type).author("Ann").supportedModels(List.of("m1",
                        "m2")).minFrameworkVersion("1.0.0").tags(List.of("t")).build()).build();
    }

    @Override
    public List<PluginInfo> plugins() {
        return plugins;
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return plugins.stream().filter(p -> p.name().equals(name) || name.equals(p.providerType())).findFirst();
    }

    @Override
    public PluginInfo install(Path jar) {
        calls.add("install " + jar);
        return plugins.get(0);
    }

    @Override
    public void uninstall(String name) {
        if (plugin(name).isEmpty()) {
            throw new IllegalArgumentException("no installed plugin named '" + name + "'");
        }
        calls.add("uninstall " + name);
    }

    @Override
    public PluginInfo reload(String name) {
        calls.add("reload " + name);
        return plugin(name).orElseThrow();
    }

    @Override
    public List<Path> watchedFolders() {
        return List.of(Path.of("/w/plugins"), Path.of("/w/more"));
    }

    @Override
    public List<PluginCheck> discover() {
        return List.of(check);
    }

    @Override
    public PluginCheck check(Path jar) {
        calls.add("check " + jar.getFileName());
        return check;
    }
}
