package org.llmrecon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.hooks.service.ListenerHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * N generated bundles installed and started in one Felix in this process. Mode {@code bare}: Felix + SCR
 * (+ Config Admin, File Install, Gogo) and N trivial DS bundles, until all N services are registered.
 * Mode {@code runtime}: the same stack plus the LLMrecon runtime and N provider plugins, until
 * the runtime has published all N Provider services and {@code getProvider} then answers for all N types
 * (which creates the N provider instances). Waiting on service events, not polling, keeps the measuring
 * thread off the two cores while the bundles start. All are installed, then resolved in one pass, then
 * started; INSTALL {@code copy} (default) has Felix copy each jar into its cache, {@code reference} installs
 * in place ({@code reference:file:}). In the runtime mode one chat call is made on each provider (PF4J's
 * anchor calls one extension of each). Heap is measured after full GCs before install, when all are usable,
 * and after uninstall and refresh ({@code -Dbench.histograms=DIR} also writes the heap's class histogram at each
 * of the three points there, {@code -Dbench.heapdumps=DIR} a heap dump; {@code -Dbench.settle.ms=MS} measures once more MS
 * later; {@code -Dbench.jfr=FILE} records the timed part with JFR; {@code -Dbench.listeners=true} prints the framework's
 * service listeners by filter once all are usable). Usage: {@code ScaleMain MODE N WORKDIR [INSTALL]}. Always ends the JVM.
 */
public final class ScaleMain {
    /** How long each wait may take: a thousand plugins took 107 s at a load average of 26 (scale.sh allows 900 s). */
    private static final long LIMIT_S = 600;

    private ScaleMain() {
    }

    public static void main(String[] args) {
        String install = args.length > 3 ? args[3] : "copy";
        BenchRun.exitAfter("scale " + String.join(" ", args),
                () -> run(args[0], Integer.parseInt(args[1]), Path.of(args[2]), install));
    }

    private static void run(String mode, int n, Path work, String install) throws Exception {
        if (!install.equals("copy") && !install.equals("reference")) {
            throw new IllegalArgumentException("INSTALL must be copy or reference, was '" + install + "'");
        }
        boolean runtime = mode.equals("runtime");
        if (!runtime && !mode.equals("bare")) {
            throw new IllegalArgumentException("mode must be bare or runtime, was '" + mode + "'");
        }
        Path gen = Files.createDirectories(work.resolve("generated"));
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jars.add(runtime ? GeneratedBundles.plugin(gen, i) : GeneratedBundles.trivial(gen, i));
        }
        Map<String, String> props = Felixes.properties(work.resolve("cache"));
        Felixes.watch(props, work.resolve("empty"), 1000);
        Felixes.shareApi(props);
        List<Path> bundles = new ArrayList<>(Bundles.base());
        if (runtime) {
            bundles.addAll(Felixes.runtimeWithoutApi());
        }
        CountDownLatch services = new CountDownLatch(n);
        Framework f = Felixes.start(props, bundles, c -> {
            try {
                c.addServiceListener(e -> {
                    if (e.getType() == ServiceEvent.REGISTERED) {
                        services.countDown();
                    }
                }, runtime ? "(&(objectClass=org.llmrecon.api.provider.Provider)(provider.type=bench*))"
                        : "(&(objectClass=java.lang.Runnable)(component.name=bench.trivial.*))");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        BundleContext ctx = f.getBundleContext();
        Set<ListenerInfo> listeners = Boolean.getBoolean("bench.listeners") ? watchListeners(ctx) : null;
        ServiceTracker<ProviderFactory, ProviderFactory> tracker = new ServiceTracker<>(ctx, ProviderFactory.class, null);
        tracker.open();
        ProviderFactory factory = runtime ? tracker.waitForService(30_000) : null;
        long heap0 = Felixes.usedHeapAfterGc();
        HeapHistogram.write(mode + "-before");
        jdk.jfr.Recording jfr = startRecording();
        long cpu = Felixes.processCpuNanos();
        long t = System.nanoTime();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            String uri = jar.toUri().toString();
            installed.add(ctx.installBundle(install.equals("reference") ? "reference:" + uri : uri));
        }
        ctx.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(installed);
        for (Bundle b : installed) {
            b.start();
        }
        if (!services.await(LIMIT_S, TimeUnit.SECONDS)) {
            throw new IllegalStateException(services.getCount() + " services missing after " + LIMIT_S + " s");
        }
        if (runtime) {
            awaitAll(factory, n, t);
        }
        double allUsableMs = (System.nanoTime() - t) / 1e6;
        double allUsableCpuMs = (Felixes.processCpuNanos() - cpu) / 1e6;
        if (jfr != null) {
            jfr.stop();
            jfr.dump(Path.of(System.getProperty("bench.jfr")));
            jfr.close();
        }
        if (listeners != null) {
            printListeners(listeners);
        }
        long heap1 = Felixes.usedHeapAfterGc();
        HeapHistogram.write(mode + "-all");
        long rss = Felixes.rssKiB();
        for (Bundle b : installed) {
            b.uninstall();
        }
        installed.clear(); // the bench's own references would keep every uninstalled bundle's objects
        CountDownLatch refreshed = new CountDownLatch(1);
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        refreshed.await(LIMIT_S, TimeUnit.SECONDS);
        long heap2 = Felixes.usedHeapAfterGc();
        HeapHistogram.write(mode + "-after");
        long settle = Long.getLong("bench.settle.ms", 0);
        if (settle > 0) {
            Thread.sleep(settle); // what the framework's and the runtime's delayed tasks still hold goes
            System.out.printf(Locale.ROOT, "mode=%s n=%d settle_ms=%d heap_settled_mib=%.2f%n", mode, n, settle,
                    Felixes.usedHeapAfterGc() / 1048576.0);
            HeapHistogram.write(mode + "-settled");
        }
        System.out.printf(Locale.ROOT,
                "mode=%s install=%s n=%d all_usable_ms=%.1f all_usable_cpu_ms=%.1f heap_before_mib=%.2f heap_all_mib=%.2f heap_after_uninstall_mib=%.2f"
                        + " heap_per_bundle_kib=%.2f rss_mib=%.1f%n",
                mode, install, n, allUsableMs, allUsableCpuMs, heap0 / 1048576.0, heap1 / 1048576.0, heap2 / 1048576.0,
                (heap1 - heap0) / 1024.0 / n, rss / 1024.0);
        tracker.close();
        Felixes.stop(f);
    }

    /**
     * With {@code -Dbench.jfr=FILE}, a flight recording of the timed part only (install to all usable), with the
     * settings of {@code -Dbench.jfr.settings=JFC} (default: the JDK's {@code profile}), written to FILE.
     */
    private static jdk.jfr.Recording startRecording() throws Exception {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        String settings = System.getProperty("bench.jfr.settings");
        jdk.jfr.Configuration c = settings == null ? jdk.jfr.Configuration.getConfiguration("profile")
                : jdk.jfr.Configuration.create(Path.of(settings));
        jdk.jfr.Recording r = new jdk.jfr.Recording(c);
        r.start();
        return r;
    }

    /**
     * With {@code -Dbench.listeners=true}: the service listeners of the framework, kept by a listener hook,
     * so that the run can print how many there are and for which filters (digits taken out) once all are
     * usable; every service registration is matched against each of them.
     */
    private static Set<ListenerInfo> watchListeners(BundleContext ctx) {
        Set<ListenerInfo> all = ConcurrentHashMap.newKeySet();
        ctx.registerService(ListenerHook.class,
                new ListenerHook() {
                    @Override
                    public void added(Collection<ListenerInfo> added) {
                        all.addAll(added);
                    }

                    @Override
                    public void removed(Collection<ListenerInfo> removed) {
                        all.removeAll(removed);
                    }
                }, null);
        return all;
    }

    private static void printListeners(Set<ListenerInfo> all) {
        Map<String, Long> byFilter = new TreeMap<>();
        for (ListenerInfo l : all) {
            String owner = l.getBundleContext().getBundle().getSymbolicName().replaceAll("[0-9]+", "N");
            String filter = String.valueOf(l.getFilter()).replaceAll("[0-9]+", "N");
            byFilter.merge(owner + " " + filter, 1L, Long::sum);
        }
        System.out.println("service listeners: " + all.size());
        byFilter.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
    }

    private static void awaitAll(ProviderFactory factory, int n, long since) {
        org.llmrecon.api.provider.ChatRequest hello = org.llmrecon.api.provider.ChatRequest.builder().model("echo")
                .user("hello").build();
        List<String> left = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            left.add(GeneratedBundles.type(i));
        }
        while (!left.isEmpty()) {
            left.removeIf(type -> {
                try {
                    factory.getProvider(type).chat(hello);
                    return true;
                } catch (ProviderUnavailableException e) {
                    return false;
                }
            });
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(LIMIT_S)) {
                throw new IllegalStateException(left.size() + " providers not usable after " + LIMIT_S
                        + " s, e.g. " + left.get(0));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
