package org.llmrecon.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.runtime.internal.config.Durations;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.trust.TrustGate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The {@link PluginManager}: lists plugin services, plugin bundles that
 * offer none (with the reason) and jars in the watched folders that could
 * not be installed; installs, reloads and uninstalls plugin bundles.
 */
@Component
public final class BundlePluginManager implements PluginManager {
    /** Framework property: how long after uninstall a reachable class loader counts as leaked, e.g. {@code 10s}. */
    public static final String LEAK_DELAY = "llmrecon.leak.delay";
    /** Framework property: a folder where a heap dump is written for each plugin found leaked; unset for none. */
    public static final String LEAK_HEAP_DUMPS = "llmrecon.leak.heapdumps";

    private final BundleContext context;
    private final PluginTracker tracker;
    private final PluginDiscovery discovery;
    private final List<Path> folders;
    private final BundleStates states;
    private final Map<Path, FileTime> uninstalled = new ConcurrentHashMap<>();
    private final LeakWatch leaks;
    private final SynchronousBundleListener listener = this::bundleChanged;
    /** Installs, uninstalls and reloads one at a time: two reloads interleaved can leave a plugin stopped. */
    private final Object lifecycle = new Object();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrustGate trust;

    /**
     * @param context the runtime bundle's context
     * @param tracker the plugin tracker
     * @param discovery checks jars that are not installed
     */
    @Activate
    public BundlePluginManager(BundleContext context, @Reference PluginTracker tracker,
            @Reference PluginDiscovery discovery) {
        this.context = context;
        this.tracker = tracker;
        this.discovery = discovery;
        this.folders = PluginFolders.parse(context.getProperty(PluginFolders.PROPERTY));
        this.states = new BundleStates(context.getBundle(0).adapt(FrameworkWiring.class));
        String dumps = context.getProperty(LEAK_HEAP_DUMPS);
        this.leaks = new LeakWatch(Durations.property(context, LEAK_DELAY, Duration.ofSeconds(10)),
                dumps == null || dumps.isBlank() ? null : Path.of(dumps.trim()));
        context.addBundleListener(listener);
    }

    private void bundleChanged(BundleEvent e) {
        Bundle b = e.getBundle();
        switch (e.getType()) {
            case BundleEvent.STOPPING -> {
                if (looksLikePlugin(b, PluginFolders.file(b.getLocation()))
                        || tracker.candidates().stream().anyMatch(c -> c.bundle() == b)) {
                    leaks.watch(b, name(b));
                    ReleasedServices.forget(b, scr);
                }
            }
            case BundleEvent.UNINSTALLED, BundleEvent.UPDATED -> {
                leaks.uninstalled(b);
            }
            default -> {
                // other events change nothing here
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> infos = new ArrayList<>();
        Set<Long> withService = new HashSet<>();
        for (PluginCandidate c : tracker.candidates()) {
            infos.add(c.info());
            withService.add(c.bundle().getBundleId());
        }
        Set<Path> installed = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            Path file = PluginFolders.file(b.getLocation());
            if (file != null) {
                installed.add(file);
            }
            if (!withService.contains(b.getBundleId()) && looksLikePlugin(b, file)) {
                String untrusted = trust == null ? null : trust.refusal(b);
                BundleStates.Explained e = untrusted != null ? new BundleStates.Explained(PluginState.REJECTED,
                        untrusted) : states.explain(b, scr);
                PluginMetadata m = ManifestMetadata.read(b.getHeaders(""));
                infos.add(PluginInfo.builder().name(name(b)).providerType(m.providerType())
                        .version(b.getVersion().toString()).state(e.state()).reason(e.reason())
                        .location(b.getLocation()).bundleId(b.getBundleId()).metadata(m).build());
            }
        }
        for (Path folder : folders) {
            for (Path jar : JarInspector.jars(folder)) {
                if (!installed.contains(jar) && !uninstalledByUser(jar)) {
                    infos.add(notInstalled(discovery.check(jar), context));
                }
            }
        }
        TrustGate t = trust;
        if (t != null) {
            infos.replaceAll(t::marked);
        }
        infos.addAll(leaks.leaks());
        infos.sort(Comparator.comparing(PluginInfo::name).thenComparing(PluginInfo::bundleId));
        return infos;
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return plugins().stream().filter(p -> matches(p, name)).findFirst();
    }

    @Override
    public PluginInfo install(Path jar) {
        synchronized (lifecycle) {
            return installNow(jar);
        }
    }

    @Override
    public void uninstall(String name) {
        synchronized (lifecycle) {
            uninstallNow(name);
        }
    }

    @Override
    public PluginInfo reload(String name) {
        synchronized (lifecycle) {
            return reloadNow(name);
        }
    }

    private PluginInfo installNow(Path jar) {
        Path file = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        try {
            Bundle b = context.installBundle(file.toUri().toString());
            uninstalled.remove(file);
            try {
                b.start();
            } catch (BundleException e) {
                // reported through plugins() with the resolver's reason
            }
            return info(b.getBundleId());
        } catch (BundleException e) {
            throw new IllegalArgumentException(file.getFileName() + ": cannot be installed: " + e.getMessage());
        }
    }

    private void uninstallNow(String name) {
        Bundle b = bundle(name);
        Path file = PluginFolders.file(b.getLocation());
        try {
            b.uninstall();
        } catch (BundleException e) {
            throw new IllegalArgumentException("plugin '" + name + "' cannot be uninstalled: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("plugin '" + name + "' is no longer installed");
        }
        if (file != null && Files.isRegularFile(file)) {
            try {
                uninstalled.put(file, Files.getLastModifiedTime(file));
            } catch (IOException e) {
                // the file went away meanwhile; nothing to remember
            }
        }
        refresh(b);
    }

    private PluginInfo reloadNow(String name) {
        Bundle b = bundle(name);
        try {
            b.update();
        } catch (BundleException e) {
            throw new IllegalArgumentException("plugin '" + name + "' cannot be reloaded: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("plugin '" + name + "' is no longer installed");
        }
        refresh(b);
        return info(b.getBundleId());
    }

    @Override
    public List<Path> watchedFolders() {
        return folders;
    }

    private PluginInfo info(long bundleId) {
        return plugins().stream().filter(p -> p.bundleId() == bundleId).findFirst()
                .orElseGet(() -> {
                    Bundle b = context.getBundle(bundleId);
                    return PluginInfo.builder().name(b == null ? "bundle " + bundleId : name(b))
                            .state(PluginState.PENDING).reason("no plugin service yet")
                            .location(b == null ? null : b.getLocation()).bundleId(bundleId).build();
                });
    }

    private Bundle bundle(String name) {
        PluginInfo p = plugin(name).filter(i -> i.bundleId() >= 0)
                .orElseThrow(() -> new IllegalArgumentException("no installed plugin named '" + name + "'"));
        Bundle b = context.getBundle(p.bundleId());
        if (b == null) {
            throw new IllegalArgumentException("plugin '" + name + "' is no longer installed");
        }
        return b;
    }

    /** Refreshes packages after an uninstall or update and waits (bounded) until the framework is done. */
    private void refresh(Bundle b) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> done.countDown());
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean looksLikePlugin(Bundle b, Path file) {
        return b.getHeaders("").get(ManifestMetadata.PROVIDER_TYPE) != null
                || file != null && folders.contains(file.getParent());
    }

    private boolean uninstalledByUser(Path jar) {
        FileTime at = uninstalled.get(jar);
        try {
            return at != null && at.equals(Files.getLastModifiedTime(jar));
        } catch (IOException e) {
            return false;
        }
    }

    private static PluginInfo notInstalled(PluginCheck check, BundleContext context) {
        PluginInfo.Builder candidate = PluginInfo.builder().name(check.file().getFileName().toString())
                .providerType(check.metadata().providerType()).version(check.metadata().version())
                .location(check.file().toString()).metadata(check.metadata());
        if (check.valid()) {
            // a copy of an installed bundle under another name: the framework refuses it, so it never will be
            Optional<String> refusal = BundleIdentity.of(check.file()).flatMap(
                    id -> id.installedElsewhere(context, check.file()).map(b -> id.refusal(check.file(), b)));
            if (refusal.isPresent()) {
                return candidate.state(PluginState.FAILED).reason(refusal.get()).build();
            }
        }
        return check.valid()
                ? candidate.state(PluginState.PENDING).reason("not installed yet").build()
                : candidate.state(PluginState.FAILED).reason(String.join("; ", check.problems())).build();
    }

    private static boolean matches(PluginInfo p, String name) {
        if (name.equals(p.name()) || name.equals(p.providerType())) {
            return true;
        }
        Path file = PluginFolders.file(p.location());
        return file != null && name.equals(file.getFileName().toString())
                || p.location() != null && p.location().equals(name);
    }

    private static String name(Bundle b) {
        String n = b.getHeaders("").get("Bundle-Name");
        return n != null ? n : b.getSymbolicName() != null ? b.getSymbolicName() : "bundle " + b.getBundleId();
    }
}
