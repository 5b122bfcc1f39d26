package org.llmrecon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ProviderFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot deploy and undeploy through File Install, in one Felix started in this process with the runtime
 * bundles (core-api shared from the class path). Mode {@code events}: the folder is a plugin folder of the
 * runtime ({@code llmrecon.plugins.dirs}), watched as the launcher watches it (file-system events wake
 * File Install). Mode {@code N} (a number): File Install's own watcher polls the folder every N ms, no
 * events. Deploy: the template jar is moved atomically into the folder; once the runtime registers the
 * type's Provider service, {@code getProvider("mock")} is asked (it creates the provider instance, and is
 * asked again every 0.2 ms should it still refuse) and the provider makes one chat call. The test waits
 * on the registration rather than spinning on refusals, which would take the second core from the deploy
 * it measures. The breakdown line gives the medians of each phase from the move. Undeploy: the jar is deleted,
 * and the time runs until both {@code getProvider} refuses and the runtime has unregistered the type's
 * Provider service, which it does after it has retired and closed the instance. Before each move and each
 * delete the run pauses a random part of 50 ms or of the poll period, so the changes do not stay in phase
 * with the scans. {@code detect}: from the move until File Install has installed the bundle (what events
 * change; the rest is start, DS and the runtime's work). Prints one {@code mode=} line of figures.
 * {@code -Dbench.residents=N} puts N generated plugins into the folder before the trials.
 * Usage: {@code HotDeployMain TRIALS MODE WORKDIR}.
 * Always ends the JVM (Felix's threads are not daemons), with status 1 when the run failed.
 */
public final class HotDeployMain {
    private static final String BSN = "org.llmrecon.provider-template";
    private static final String INSTALLED = "installed";
    private static final String SERVED = "served";

    private HotDeployMain() {
    }

    public static void main(String[] args) {
        BenchRun.exitAfter("hot deploy " + String.join(" ", args),
                () -> run(Integer.parseInt(args[0]), args[1], Path.of(args[2])));
    }

    private static void run(int trials, String mode, Path work) throws Exception {
        if (trials < 1) {
            throw new IllegalArgumentException("TRIALS must be at least 1, is " + trials);
        }
        boolean events = mode.equals("events");
        long pause = events ? 50 : Long.parseLong(mode);
        Path plugins = work.resolve("plugins");
        Path staging = Files.createDirectories(work.resolve("staging"));
        Map<String, String> props = Felixes.properties(work.resolve("cache"));
        if (events) {
            Felixes.pluginFolder(props, plugins);
        } else {
            Files.createDirectories(plugins);
            props.put("felix.fileinstall.dir", plugins.toAbsolutePath().toString());
            props.put("felix.fileinstall.poll", mode);
        }
        Felixes.shareApi(props);
        List<Path> bundles = new ArrayList<>(Bundles.base());
        bundles.addAll(Felixes.runtimeWithoutApi());
        AtomicLong unregisteredAt = new AtomicLong();
        Phases phases = new Phases(INSTALLED, "refreshed", "resolved", "started", "PluginInterface registered",
                "Provider registered", "last getProvider asked", "answered", SERVED);
        Semaphore registered = new Semaphore(0);
        Framework f = Felixes.start(props, bundles, c -> {
            c.addFrameworkListener(e -> {
                if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    phases.mark("refreshed");
                }
            });
            c.addBundleListener((SynchronousBundleListener) e -> {
                if (BSN.equals(e.getBundle().getSymbolicName())) {
                    switch (e.getType()) {
                        case BundleEvent.INSTALLED -> phases.mark(INSTALLED);
                        case BundleEvent.RESOLVED -> phases.mark("resolved");
                        case BundleEvent.STARTED -> phases.mark("started");
                        default -> { }
                    }
                }
            });
            try {
                c.addServiceListener(e -> {
                    if (e.getType() == ServiceEvent.UNREGISTERING) {
                        unregisteredAt.set(System.nanoTime());
                    } else if (e.getType() == ServiceEvent.REGISTERED) {
                        phases.mark("Provider registered");
                        registered.release();
                    }
                }, "(&(objectClass=org.llmrecon.api.provider.Provider)(provider.type=mock))");
                c.addServiceListener(e -> {
                    if (e.getType() == ServiceEvent.REGISTERED
                            && BSN.equals(e.getServiceReference().getBundle().getSymbolicName())) {
                        phases.mark("PluginInterface registered");
                    }
                }, "(objectClass=org.llmrecon.api.plugin.PluginInterface)");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            BundleContext ctx = f.getBundleContext();
            ServiceTracker<ProviderFactory, ProviderFactory> tracker = new ServiceTracker<>(ctx, ProviderFactory.class,
                    null);
            tracker.open();
            ProviderFactory factory = tracker.waitForService(30_000);
            if (factory == null) {
                throw new IllegalStateException("no ProviderFactory within 30 s");
            }
            settle(ctx, plugins, work.resolve("residents"), Integer.getInteger("bench.residents", 0));
            Path target = plugins.resolve("provider-template.jar");
            List<Double> undeploy = new ArrayList<>();
            ChatRequest hello = ChatRequest.builder().model("mock-chat").user("hello").build();
            for (int i = 0; i < trials; i++) {
                Path staged = staging.resolve("provider-template.jar");
                Files.copy(Bundles.plugin("provider-template"), staged, StandardCopyOption.REPLACE_EXISTING);
                Thread.sleep(ThreadLocalRandom.current().nextLong(pause + 1));
                registered.drainPermits();
                long t = System.nanoTime();
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                if (!registered.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("deploy: no Provider service within 30 s");
                }
                phases.mark("last getProvider asked");
                while (!answers(factory)) {
                    await(t, "deploy");
                    phases.mark("last getProvider asked");
                }
                phases.mark("answered");
                factory.getProvider("mock").chat(hello);
                phases.mark(SERVED);
                phases.record(t);
                unregisteredAt.set(0);
                Thread.sleep(ThreadLocalRandom.current().nextLong(pause + 1));
                t = System.nanoTime();
                Files.delete(target);
                while (answers(factory) || unregisteredAt.get() == 0) {
                    await(t, "undeploy");
                }
                undeploy.add((Math.max(System.nanoTime(), unregisteredAt.get()) - t) / 1e6);
                while (bundle(ctx) != null) {
                    await(t, "uninstall");
                }
            }
            Stats d = phases.stats(SERVED);
            Stats u = new Stats(undeploy);
            Stats i = phases.stats(INSTALLED);
            System.out.println("hot deploy, " + mode + ": " + d.summary("ms"));
            System.out.println("undeploy,   " + mode + ": " + u.summary("ms"));
            System.out.printf(Locale.ROOT, "mode=%s residents=%d trials=%d deploy_p50=%.1f deploy_p95=%.1f deploy_max=%.1f"
                    + " undeploy_p50=%.1f undeploy_p95=%.1f detect_p50=%.1f detect_p95=%.1f%n",
                    events ? "events" : "poll" + mode, Integer.getInteger("bench.residents", 0), trials, d.median(), d.percentile(95), d.max(), u.median(),
                    u.percentile(95), i.median(), i.percentile(95));
            System.out.println("phases p50 from the move, ms: " + phases.medians());
            System.out.printf(Locale.ROOT, "raw deploy ms: %s%nraw undeploy ms: %s%n", phases.times(SERVED), undeploy);
            tracker.close();
        } finally {
            Felixes.stop(f);
        }
    }

    /** When each phase of the current trial happened (marked by listeners and the trial), and over all trials. */
    private static final class Phases {
        private final Map<String, AtomicLong> marks = new LinkedHashMap<>();
        private final Map<String, List<Double>> times = new LinkedHashMap<>();

        Phases(String... names) {
            for (String name : names) {
                marks.put(name, new AtomicLong());
                times.put(name, new ArrayList<>());
            }
        }

        void mark(String phase) {
            marks.get(phase).set(System.nanoTime());
        }

        /** Adds each phase's time from {@code start}, in ms, to its times. */
        void record(long start) {
            marks.forEach((phase, at) -> times.get(phase).add((at.get() - start) / 1e6));
        }

        List<Double> times(String phase) {
            return times.get(phase);
        }

        Stats stats(String phase) {
            return new Stats(times.get(phase));
        }

        String medians() {
            StringJoiner all = new StringJoiner(", ");
            times.forEach((phase, t) -> all.add(String.format(Locale.ROOT, "%s %.1f", phase, new Stats(t).median())));
            return all.toString();
        }
    }

    /**
     * Puts {@code n} generated provider plugins into the folder first and waits until the runtime serves
     * them all, so the trials measure a hot deploy beside {@code n} resident plugins.
     */
    private static void settle(BundleContext ctx, Path plugins, Path gen, int n) throws Exception {
        if (n < 1) {
            return;
        }
        Files.createDirectories(gen);
        ServiceTracker<?, ?> served = new ServiceTracker<>(ctx,
                ctx.createFilter("(&(objectClass=org.llmrecon.api.provider.Provider)(provider.type=bench*))"), null);
        served.open();
        try {
            for (int i = 0; i < n; i++) {
                Path jar = GeneratedBundles.plugin(gen, i);
                Files.move(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            long since = System.nanoTime();
            while (served.size() < n) {
                if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(300)) {
                    throw new IllegalStateException("only " + served.size() + " of " + n
                            + " resident plugins served within 300 s");
                }
                Thread.sleep(50);
            }
            System.out.printf(Locale.ROOT, "%d resident plugins served in %.1f s%n", n,
                    (System.nanoTime() - since) / 1e9);
        } finally {
            served.close();
        }
    }

    private static boolean answers(ProviderFactory factory) {
        try {
            factory.getProvider("mock");
            return true;
        } catch (ProviderUnavailableException e) {
            return false;
        }
    }

    private static Bundle bundle(BundleContext ctx) {
        for (Bundle b : ctx.getBundles()) {
            if (BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static void await(long since, String what) {
        if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(30)) {
            throw new IllegalStateException(what + " did not finish within 30 s");
        }
        LockSupport.parkNanos(200_000);
    }
}
