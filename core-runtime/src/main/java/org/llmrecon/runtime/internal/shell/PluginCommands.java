package org.llmrecon.runtime.internal.shell;

import java.nio.file.Path;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.diagnostics.HeapDumps;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code llm:plugins}, {@code plugin}, {@code validate}, {@code install}, {@code uninstall}, {@code reload},
 * {@code dirs}, {@code heapdump}.
 */
@Component(service = PluginCommands.class, property = {"osgi.command.scope=llm",
        "osgi.command.function=plugins", "osgi.command.function=plugin", "osgi.command.function=validate",
        "osgi.command.function=install", "osgi.command.function=uninstall", "osgi.command.function=reload",
        "osgi.command.function=dirs", "osgi.command.function=heapdump"})
public final class PluginCommands {

    private final PluginManager plugins;
    private final PluginDiscovery discovery;
    private final ProviderFactory factory;
    private final String etc;

    /**
     * @param context the runtime bundle's context, for the configuration folder
     * @param plugins the plugin manager
     * @param discovery the plugin discovery
     * @param factory the provider factory, for the usage of the provider a plugin serves
     */
    @Activate
    public PluginCommands(BundleContext context, @Reference PluginManager plugins,
            @Reference PluginDiscovery discovery, @Reference ProviderFactory factory) {
        this(plugins, discovery, factory, context.getProperty(RuntimeProperties.ETC_DIR));
    }

    PluginCommands(PluginManager plugins, PluginDiscovery discovery, ProviderFactory factory, String etc) {
        this.plugins = plugins;
        this.discovery = discovery;
        this.factory = factory;
        this.etc = etc;
    }

    /** @param json whether to write JSON @return every plugin with its state */
    @Descriptor("list every plugin: name, provider type, version, state and why it is not active")
    public String plugins(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        return json ? Text.json(plugins.plugins().stream().map(PluginView::json).toList())
                : PluginView.table(plugins.plugins());
    }

    /** @param json whether to write JSON @param name a plugin @return its details */
    @Descriptor("show one plugin in detail")
    public String plugin(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json, @Descriptor("plugin name, provider type or file name") String name) {
        PluginInfo p = plugins.plugin(name)
                .orElseThrow(() -> new IllegalArgumentException("no plugin named '" + Text.clean(name) + "'"));
        ManagedProvider served = served(p);
        if (json) {
            Map<String, Object> v = PluginView.json(p);
            v.putAll(ProviderView.servedJson(served));
            return Text.json(v);
        }
        return PluginView.detail(p, ProviderView.served(served));
    }

    /** @return the provider an active plugin serves, or {@code null} */
    private ManagedProvider served(PluginInfo p) {
        if (p.state() != PluginState.ACTIVE || p.providerType() == null
                || !factory.providerTypes().contains(p.providerType())) {
            return null;
        }
        try {
            return factory.getProvider(p.providerType());
        } catch (RuntimeException e) {
            return null; // gone since the listing: nothing to show
        }
    }

    /** @param path a jar @return whether it is a valid plugin */
    @Descriptor("check a plugin jar and its sidecar without installing it")
    public String validate(@Descriptor("path of the plugin jar") String path) {
        return PluginView.check(discovery.check(Path.of(path).toAbsolutePath().normalize()));
    }

    /** @param path a jar @return the plugin as installed */
    @Descriptor("install and start a plugin jar")
    public String install(@Descriptor("path of the plugin jar") String path) {
        return "installed " + line(plugins.install(Path.of(path)));
    }

    /** @param name a plugin @return what was done */
    @Descriptor("stop and uninstall a plugin, close its providers")
    public String uninstall(@Descriptor("plugin name, provider type or file name") String name) {
        plugins.uninstall(name);
        return "uninstalled " + Text.clean(name);
    }

    /** @param name a plugin @return the plugin as reloaded */
    @Descriptor("reinstall a plugin from its location")
    public String reload(@Descriptor("plugin name, provider type or file name") String name) {
        return "reloaded " + line(plugins.reload(name));
    }

    /** @return the watched folders */
    @Descriptor("show the folders watched for plugins and configuration")
    public String dirs() {
        StringBuilder b = new StringBuilder();
        plugins.watchedFolders().forEach(f -> b.append("plugins  ").append(f).append('\n'));
        b.append("etc      ").append(etc == null || etc.isBlank() ? "-" : etc);
        return b.toString();
    }

    /** @param path the file to write @return where the dump is */
    @Descriptor("write a heap dump (HPROF, live objects), e.g. to see what holds a LEAKED plugin's class loader")
    public String heapdump(@Descriptor("file to write, ending in .hprof") String path) {
        return "heap dump written to " + HeapDumps.write(Path.of(path));
    }

    private static String line(PluginInfo p) {
        return Text.clean(p.name() + (p.version() == null ? "" : " " + p.version())
                + (p.providerType() == null ? "" : " (type " + p.providerType() + ")") + ": " + p.state()
                + (p.reason() == null ? "" : ": " + p.reason()));
    }
}
