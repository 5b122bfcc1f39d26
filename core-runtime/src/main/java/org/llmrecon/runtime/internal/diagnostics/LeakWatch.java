package org.llmrecon.runtime.internal.diagnostics;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.settings.RuntimeSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * Remembers the class loader of every plugin bundle weakly; after the bundle
 * is uninstalled, a loader still reachable some time later is reported as a
 * leak, with the threads it still runs, and, when a folder for them is set,
 * one heap dump per leaked plugin that shows what holds it. A record goes
 * as soon as the collector takes its loader ({@link Reaper}).
 */
@Component(service = LeakWatch.class, configurationPid = RuntimeProperties.PID)
public final class LeakWatch {
    /** A plugin's class loader, weakly; its record goes as soon as the loader is collected. */
    private final class Watched extends WeakReference<ClassLoader> implements Reaper.Collected {
        final long bundleId;
        final String name;
        final String location;
        volatile long uninstalledAt;

        Watched(long bundleId, String name, String location, ClassLoader loader) {
            super(loader, reaper.queue());
            this.bundleId = bundleId;
            this.name = name;
            this.location = location;
        }

        @Override
        public void collected() {
            live.remove(bundleId, this);
            uninstalled.remove(this);
            dumped.remove(bundleId);
        }
    }

    /** Drops the record of a plugin whose loader was collected, when it is, not when the next plugin goes. */
    private final Reaper reaper = new Reaper("llmrecon-leak-watch");

    private volatile Duration delay;
    private volatile Path dumps;
    private final Map<Long, String> dumped = new ConcurrentHashMap<>();
    private final Map<Long, Watched> live = new ConcurrentHashMap<>();
    private final Queue<Watched> uninstalled = new ConcurrentLinkedQueue<>();
    private volatile long lastGc;

    /**
     * @param context where framework properties are read
     * @param config the configuration {@link RuntimeProperties#PID}
     */
    @Activate
    public LeakWatch(BundleContext context, Map<String, Object> config) {
        modified(context, config);
    }

    @Deactivate
    void deactivate() {
        reaper.close();
    }

    @Modified
    void modified(BundleContext context, Map<String, Object> config) {
        RuntimeSettings settings = RuntimeSettings.of(context, config);
        delay = settings.leakDelay();
        dumps = settings.leakHeapDumps().orElse(null);
    }

    /** @param bundle a plugin bundle that stops @param name its plugin's name */
    public void watch(Bundle bundle, String name) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader != null) {
            live.put(bundle.getBundleId(), new Watched(bundle.getBundleId(), name, bundle.getLocation(), loader));
        }
    }

    /** @param bundle a plugin bundle uninstalled or updated: its old class loader should go */
    public void uninstalled(Bundle bundle) {
        Watched w = live.remove(bundle.getBundleId());
        if (w != null) {
            w.uninstalledAt = System.nanoTime();
            uninstalled.add(w);
            if (w.get() == null) {
                uninstalled.remove(w); // collected before it was added
            }
        }
    }

    /** @return the plugins whose class loader outlived their uninstallation by more than the delay */
    public List<PluginInfo> leaks() {
        long now = System.nanoTime();
        if (uninstalled.stream().anyMatch(w -> w.get() != null && now - w.uninstalledAt > delay.toNanos())
                && now - lastGc > delay.toNanos()) {
            lastGc = now;
            System.gc();
        }
        List<PluginInfo> leaks = new ArrayList<>();
        uninstalled.forEach(w -> {
            ClassLoader loader = w.get();
            long seconds = Duration.ofNanos(now - w.uninstalledAt).toSeconds();
            if (loader != null && now - w.uninstalledAt > delay.toNanos()) {
                leaks.add(PluginInfo.builder().name(w.name).state(PluginState.LEAKED)
                        .reason("class loader still reachable " + seconds + " s after uninstall" + threads(loader)
                                + dump(w))
                        .location(w.location).bundleId(w.bundleId).build());
            }
        });
        return leaks;
    }

    /** Writes the dump the first time a plugin is reported, so the report says where it is. */
    private String dump(Watched w) {
        Path folder = dumps;
        if (folder == null) {
            return "";
        }
        return dumped.computeIfAbsent(w.bundleId, id -> {
            try {
                return "; heap dump: " + HeapDumps.write(folder.resolve("llmrecon-leak-" + id + ".hprof"));
            } catch (IllegalArgumentException e) {
                return "; no heap dump: " + e.getMessage();
            }
        });
    }

    private static String threads(ClassLoader loader) {
        List<String> names = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getContextClassLoader() == loader || t.getClass().getClassLoader() == loader)
                .map(Thread::getName).sorted().toList();
        return names.isEmpty() ? "" : "; threads still running: " + String.join(", ", names);
    }
}
