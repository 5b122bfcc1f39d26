package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.settings.RuntimeSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Has File Install watch the folders named by the framework properties
 * {@code llmrecon.plugins.dirs} (plugin jars and their sidecars) and
 * {@code llmrecon.etc.dir} (configuration files), through factory
 * configurations of {@code org.apache.felix.fileinstall}. Unset properties
 * mean no folder: an embedder opts in, nothing appears in its working
 * directory. A folder File Install already watches through its own
 * {@code felix.fileinstall.dir} framework property is not watched twice.
 * File-system events wake File Install's scans ({@link FolderEvents}); the
 * poll matters only in folders that give no events.
 */
@Component(service = WatchedFolders.class, immediate = true, configurationPid = RuntimeProperties.PID)
public final class WatchedFolders {
    private static final String NAME_PREFIX = "llmrecon-";

    private final ConfigurationAdmin admin;
    private final List<Path> pluginFolders;
    private final Path etcFolder;
    private final Set<Path> watchedAlready;
    private final File tmp;
    private final List<Configuration> created = new ArrayList<>();
    /** {@code null} when no folder is set or File Install is not installed: then nothing is woken. */
    private final ScanTrigger trigger;
    private final FolderEvents events;

    /**
     * @param context the runtime bundle's context
     * @param admin Config Admin
     * @param folders the plugin folders
     * @param config the configuration {@link RuntimeProperties#PID}
     * @throws IOException when Config Admin cannot store a configuration
     */
    @Activate
    public WatchedFolders(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference PluginFolders folders, Map<String, Object> config) throws IOException {
        this.admin = admin;
        this.pluginFolders = folders.folders();
        List<Path> etc = FolderSettings.paths(context.getProperty(RuntimeProperties.ETC_DIR), File.pathSeparator);
        this.etcFolder = etc.isEmpty() ? null : etc.get(0);
        this.watchedAlready = new HashSet<>(FolderSettings.paths(context.getProperty(FolderSettings.DIR), ","));
        this.tmp = context.getDataFile("fileinstall");
        List<Path> all = new ArrayList<>(pluginFolders);
        if (etcFolder != null) {
            all.add(etcFolder);
        }
        this.trigger = all.isEmpty() ? null : trigger(context);
        this.events = trigger == null ? FolderSettings.events(List.of(), () -> { })
                : FolderSettings.events(all, trigger::scanNow);
        try {
            removeStale(admin, watchAll(RuntimeSettings.of(context, config).pluginsPoll().toMillis()));
        } catch (IOException | RuntimeException e) {
            stopEvents();
            throw e;
        }
    }

    /** @return the scan trigger, or {@code null} without folders or without File Install (an optional import) */
    private static ScanTrigger trigger(BundleContext context) {
        try {
            return new ScanTrigger(context);
        } catch (NoClassDefFoundError e) {
            return null;
        }
    }

    private void stopEvents() {
        events.close();
        if (trigger != null) {
            trigger.close();
        }
    }

    private Set<String> watchAll(long poll) throws IOException {
        Set<String> names = new HashSet<>();
        // Config Admin hands the watchers to File Install one after the other, and a plugin watcher's first
        // scan installs and starts its plugins before it returns. The etc watcher goes first: its files are
        // read before the plugins are installed, and it is in place once they are (a launcher stopping right
        // after its command used to stop File Install while it was starting the etc watcher)
        if (etcFolder != null && !watchedAlready.contains(etcFolder)) {
            names.add(watch("etc", FolderSettings.etc(etcFolder, tmp, events.watches(etcFolder))));
        }
        names.addAll(watchPlugins(poll));
        return names;
    }

    /** A new poll reaches File Install's watchers, which it updates in place. */
    @Modified
    void modified(BundleContext context, Map<String, Object> config) throws IOException {
        watchPlugins(RuntimeSettings.of(context, config).pluginsPoll().toMillis());
    }

    private Set<String> watchPlugins(long poll) throws IOException {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pluginFolders.size(); i++) {
            Path folder = pluginFolders.get(i);
            if (!watchedAlready.contains(folder)) {
                long millis = FolderSettings.pluginPoll(poll, events.watches(folder));
                names.add(watch("plugins-" + i, FolderSettings.plugins(folder, tmp, millis)));
            }
        }
        return names;
    }

    /** @return the folders watched for plugin jars */
    public List<Path> pluginFolders() {
        return pluginFolders;
    }

    /** @return the configuration folder, or {@code null} when none is set */
    public Path etcFolder() {
        return etcFolder;
    }

    @Deactivate
    void deactivate() {
        stopEvents();
        synchronized (created) {
            for (Configuration c : created) {
                try {
                    c.delete();
                } catch (IOException | IllegalStateException e) {
                    // Config Admin is going away too; its store is the framework's
                }
            }
            created.clear();
        }
    }

    private String watch(String name, Hashtable<String, Object> settings) throws IOException {
        Configuration c = admin.getFactoryConfiguration(FolderSettings.FACTORY_PID, NAME_PREFIX + name, "?");
        c.updateIfDifferent(settings);
        synchronized (created) {
            if (!created.contains(c)) {
                created.add(c);
            }
        }
        return c.getPid();
    }

    /** Watchers left from an earlier run with a persistent framework cache and other folders. */
    private static void removeStale(ConfigurationAdmin admin, Set<String> current) throws IOException {
        try {
            Configuration[] all = admin.listConfigurations(
                    "(service.factoryPid=" + FolderSettings.FACTORY_PID + ")");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                if (c.getPid().contains("~" + NAME_PREFIX) && !current.contains(c.getPid())) {
                    c.delete();
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
