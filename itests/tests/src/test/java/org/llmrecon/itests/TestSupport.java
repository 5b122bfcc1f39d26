package org.llmrecon.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.After;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.testing.EventWait;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * What every integration test shares: the runtime's bundle set on Felix
 * ({@link Bundles}), the runtime services injected, and helpers to install
 * test plugins, wait for the runtime with a deadline ({@link EventWait}) and
 * clean up after each test, so the tests of one class can share a framework.
 */
public abstract class TestSupport {
    /** How long the runtime gets to react to an install or uninstall; generous for a busy 2-core machine. */
    protected static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<Long> installed = new ArrayList<>();

    @Inject
    protected BundleContext context;

    @Inject
    protected PluginManager pluginManager;

    @Inject
    protected ProviderFactory factory;

    /** @return the runtime's bundle set and Pax Exam's own, plus {@link #extraOptions()} */
    @Configuration
    public Option[] configuration() {
        return new Option[] {Bundles.runtime(extraOptions())};
    }

    /** @return options a test class adds to the shared configuration */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /**
     * Installs a plugin jar from its {@code file:} location, as a user dropping it in would, and starts it.
     *
     * @param jar the plugin file
     * @return the bundle
     */
    protected Bundle installPlugin(Path jar) throws BundleException {
        Bundle bundle = context.installBundle(jar.toUri().toString());
        installed.add(bundle.getBundleId());
        bundle.start();
        return bundle;
    }

    /**
     * Installs a plugin jar through {@link PluginManager#install(Path)}.
     *
     * @param jar the plugin file
     * @return the plugin as the manager reports it after installation
     */
    protected PluginInfo installThroughManager(Path jar) {
        PluginInfo info = pluginManager.install(jar);
        installed.add(info.bundleId());
        return info;
    }

    /** Uninstalls what the test installed and is still there, so the next test in this framework starts clean. */
    @After
    public void uninstallLeftovers() throws Exception {
        List<Bundle> left = new ArrayList<>();
        for (long id : installed) {
            Bundle b = context.getBundle(id);
            if (b != null) {
                b.uninstall();
                left.add(b);
            }
        }
        installed.clear();
        if (!left.isEmpty()) {
            refreshPackages(left);
        }
    }

    /**
     * Refreshes packages and waits for the framework's PACKAGES_REFRESHED event.
     *
     * @param bundles the bundles to refresh, or {@code null} for all removal-pending ones
     */
    protected void refreshPackages(List<Bundle> bundles) {
        new EventWait(context).refresh(bundles, DEADLINE);
    }

    /**
     * Waits until a condition holds; see {@link EventWait}.
     *
     * @param condition polled until true
     * @param deadline how long to wait at most
     * @param description what was awaited, for the failure message
     */
    protected void waitFor(BooleanSupplier condition, Duration deadline, Supplier<String> description) {
        new EventWait(context).until(condition, deadline, () -> description.get() + "\nplugins now:\n"
                + describePlugins());
    }

    /** @see #waitFor(BooleanSupplier, Duration, Supplier) */
    protected void waitFor(BooleanSupplier condition, Duration deadline, String description) {
        waitFor(condition, deadline, () -> description);
    }

    /** @return the folder File Install watches, for a test class that asked for one ({@link WatchedFolder#options}) */
    protected WatchedFolder watchedFolder() {
        return new WatchedFolder(Path.of(context.getProperty(WatchedFolder.PROPERTY)));
    }

    /** Empties the watched folder and waits until File Install has uninstalled the bundles of its files. */
    protected void clearWatchedFolder() throws IOException {
        WatchedFolder folder = watchedFolder();
        folder.clear();
        waitFor(() -> Arrays.stream(context.getBundles()).noneMatch(b -> folder.holds(b.getLocation())), DEADLINE,
                "File Install uninstalled the bundles of the deleted files");
    }

    /** @param type a provider type @return the plugin the runtime lists for it, waiting until it is listed */
    protected PluginInfo awaitPlugin(String type) {
        waitFor(() -> pluginManager.plugin(type).isPresent(), DEADLINE, "plugin for provider type '" + type + "' listed");
        return pluginManager.plugin(type).orElseThrow();
    }

    /**
     * @param type a provider type
     * @param prompt the user message
     * @return the answer of the factory's provider for the type
     */
    protected String chat(String type, String prompt) {
        return factory.getProvider(type).chat(ChatRequest.builder().user(prompt).build()).text();
    }

    /**
     * Waits until the runtime lists the plugin for a provider type in a given state.
     *
     * @param type a provider type, plugin name or bundle symbolic name
     * @param state the state awaited
     * @return the plugin as listed then
     */
    protected PluginInfo awaitState(String type, PluginState state) {
        waitFor(() -> pluginManager.plugin(type).map(p -> p.state() == state).orElse(false), DEADLINE,
                () -> "plugin '" + type + "' " + state + " (it is "
                        + pluginManager.plugin(type).map(p -> p.state() + ", reason: " + p.reason()).orElse("not listed")
                        + ")");
        return pluginManager.plugin(type).orElseThrow();
    }

    /**
     * Waits until the runtime lists a bundle's plugin in a given state.
     *
     * @param bundleId the plugin's bundle id
     * @param state the state awaited
     * @return the plugin as listed then
     */
    protected PluginInfo awaitBundle(long bundleId, PluginState state) {
        waitFor(() -> listed(bundleId).map(p -> p.state() == state).orElse(false), DEADLINE,
                () -> "bundle " + bundleId + " listed " + state);
        return listed(bundleId).orElseThrow();
    }

    private java.util.Optional<PluginInfo> listed(long bundleId) {
        return pluginManager.plugins().stream().filter(p -> p.bundleId() == bundleId).findFirst();
    }

    /** @return every plugin the runtime lists, one a line, for failure messages */
    protected String describePlugins() {
        try {
            return pluginManager.plugins().stream().map(p -> "  " + p.name() + " type=" + p.providerType()
                    + " version=" + p.version() + " state=" + p.state() + " bundle=" + p.bundleId()
                    + (p.reason() == null ? "" : " reason=" + p.reason())).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "  (plugin list unavailable: " + e + ")";
        }
    }
}
