package org.llmrecon.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.runtime.internal.diagnostics.LeakWatch;
import org.llmrecon.runtime.internal.folders.BundleIdentity;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.trust.TrustGate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.BundleTracker;

/**
 * The plugin listing, built from what the runtime tracks: the plugin services
 * of the {@link PluginTracker}, the plugin bundles that offer none (kept by a
 * bundle tracker, explained by {@link BundleStates}), the jars of the plugin
 * folders that are not installed (each read once per change), sidecars whose
 * jar is missing, and leaked class loaders. A plugin whose abandoned calls
 * still run (it ignores interruption) is listed FAILED with their count.
 */
final class PluginListing {
    private record Checked(long size, FileTime modified, PluginCheck check) {
    }

    private final BundleContext context;
    private final PluginTracker tracker;
    private final PluginDiscovery discovery;
    private final PluginFolders folders;
    private final LeakWatch leaks;
    private final PluginCalls calls;
    private final BundleStates states;
    private final BundleTracker<Bundle> bundles;
    private final Map<Path, Checked> checks = new ConcurrentHashMap<>();

    PluginListing(BundleContext context, PluginTracker tracker, PluginDiscovery discovery, PluginFolders folders,
            LeakWatch leaks, PluginCalls calls) {
        this.calls = calls;
        this.context = context;
        this.tracker = tracker;
        this.discovery = discovery;
        this.folders = folders;
        this.leaks = leaks;
        this.states = new BundleStates(context.getBundle(0).adapt(FrameworkWiring.class));
        this.bundles = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING
                | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, org.osgi.framework.BundleEvent event) {
                return folders.isPlugin(bundle) ? bundle : null;
            }
        };
        bundles.open();
    }

    void close() {
        bundles.close();
    }

    /**
     * @param uninstalledByUser jars the user uninstalled by command, which stay unlisted until they change
     * @return every plugin known, ordered by name
     */
    List<PluginInfo> plugins(ServiceComponentRuntime scr, TrustGate trust, Predicate<Path> uninstalledByUser) {
        List<PluginInfo> infos = new ArrayList<>();
        Set<Long> withService = new HashSet<>();
        for (PluginCandidate c : tracker.candidates()) {
            long stuck = c.bundle() == null ? 0 : calls.ignoringInterruption(c.bundle().getBundleId());
            infos.add(stuck == 0 ? c.info() : c.info().toBuilder().state(PluginState.FAILED).reason(stuck
                    + " calls ignored interruption after their deadline and still run").build());
            withService.add(c.bundle().getBundleId());
        }
        Set<Path> installed = new HashSet<>();
        for (Bundle b : bundles.getBundles() == null ? new Bundle[0] : bundles.getBundles()) {
            Optional.ofNullable(PluginFolders.file(b.getLocation())).ifPresent(installed::add);
            if (!withService.contains(b.getBundleId()) && b.getState() != Bundle.UNINSTALLED) {
                try {
                    infos.add(withoutService(b, scr, trust));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // Felix refuses to describe a bundle uninstalled while it is looked at ("Bundle is
                    // uninstalled."): the jar was removed during the listing, so the bundle is left out of it
                    if (b.getState() != Bundle.UNINSTALLED) {
                        throw e;
                    }
                }
            }
        }
        PluginFolders.Contents files = folders.contents();
        checks.keySet().retainAll(files.jars());
        for (Path jar : files.jars()) {
            if (!installed.contains(jar) && !uninstalledByUser.test(jar) && Files.exists(jar)) {
                infos.add(notInstalled(check(jar)));
            }
        }
        for (Path sidecar : files.sidecars()) {
            Path jar = PluginFolders.jarOf(sidecar);
            if (!files.jars().contains(jar) && Files.exists(sidecar)) {
                String name = sidecar.getFileName().toString();
                infos.add(PluginInfo.builder().name(name).state(PluginState.FAILED).reason("sidecar " + name
                        + " describes " + jar.getFileName() + ", which is not in " + jar.getParent())
                        .location(sidecar.toString()).build());
            }
        }
        if (trust != null) {
            infos.replaceAll(trust::marked);
        }
        infos.addAll(leaks.leaks());
        infos.sort(Comparator.comparing(PluginInfo::name).thenComparing(PluginInfo::bundleId));
        return infos;
    }

    private PluginInfo withoutService(Bundle b, ServiceComponentRuntime scr, TrustGate trust) {
        String untrusted = trust == null ? null : trust.refusal(b);
        BundleStates.Explained e = untrusted != null ? new BundleStates.Explained(PluginState.REJECTED, untrusted)
                : states.explain(b, scr);
        PluginMetadata m = ManifestMetadata.read(b.getHeaders(""));
        return PluginInfo.builder().name(BundleStates.name(b)).providerType(m.providerType())
                .version(b.getVersion().toString()).state(e.state()).reason(e.reason()).location(b.getLocation())
                .bundleId(b.getBundleId()).metadata(m).build();
    }

    /** A jar is read again only when its size or modification time changed. */
    private PluginCheck check(Path jar) {
        try {
            long size = Files.size(jar);
            FileTime modified = Files.getLastModifiedTime(jar);
            Checked known = checks.get(jar);
            if (known != null && known.size() == size && known.modified().equals(modified)) {
                return known.check();
            }
            PluginCheck check = discovery.check(jar);
            checks.put(jar, new Checked(size, modified, check));
            return check;
        } catch (IOException e) {
            return discovery.check(jar);
        }
    }

    private PluginInfo notInstalled(PluginCheck check) {
        PluginMetadata m = check.metadata();
        PluginInfo.Builder info = PluginInfo.builder().name(check.file().getFileName().toString())
                .providerType(m.providerType()).version(m.version()).location(check.file().toString()).metadata(m);
        if (!check.valid()) {
            return info.state(PluginState.FAILED).reason(String.join("; ", check.problems())).build();
        }
        // a copy of an installed bundle under another name: the framework refuses it, so it never will be
        Optional<String> refusal = BundleIdentity.of(check.file()).flatMap(
                id -> id.installedElsewhere(context, check.file()).map(b -> id.refusal(check.file(), b)));
        return refusal.map(r -> info.state(PluginState.FAILED).reason(r).build())
                .orElseGet(() -> info.state(PluginState.PENDING).reason("not installed yet").build());
    }
}
