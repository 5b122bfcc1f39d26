package org.llmrecon.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * One process start, run by {@code benchmarks/startup.sh}. Modes:
 * {@code bare} (Felix alone, start and stop), {@code baseline} (Felix + SCR + Config Admin + File Install +
 * Gogo until the DS service of one trivial bundle in the watched folder is registered) and {@code runtime}
 * (the same plus the LLMrecon runtime bundles, until the providers of the template and OpenAI plugins in
 * the watched folder are usable through the ProviderFactory; {@code runtimemock}: the template alone). Prints one line of figures measured from
 * {@code t0}, the epoch nanoseconds the script took just before starting the JVM.
 */
public final class StartupMain {
    private static String lastRefusal;

    private StartupMain() {
    }

    public static void main(String[] args) {
        BenchRun.exitAfter("startup " + String.join(" ", args), () -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String mode = args[0];
        long t0 = Long.parseLong(args[1]);
        Path work = Path.of(args[2]);
        Map<String, String> props = Felixes.properties(work.resolve("cache"));
        Path plugins = work.resolve("plugins");
        List<Path> bundles = new ArrayList<>();
        CountDownLatch registered = new CountDownLatch(1);
        if (!mode.equals("bare")) {
            Felixes.watch(props, plugins, 50);
            bundles.addAll(Bundles.base());
        }
        if (mode.equals("baseline")) {
            GeneratedBundles.trivial(plugins, 0);
        } else if (mode.startsWith("runtime")) {
            bundles.addAll(Bundles.runtime());
            for (String p : plugins(mode)) {
                Files.copy(Bundles.plugin(p), plugins.resolve(p + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        } else if (!mode.equals("bare")) {
            throw new IllegalArgumentException("mode must be bare, baseline, runtime or runtimemock, was '" + mode + "'");
        }
        Framework f = Felixes.start(props, bundles, c -> {
            if (Boolean.getBoolean("bench.marks")) {
                marks(c, t0);
            }
            try {
                c.addServiceListener(e -> {
                    if (e.getType() == ServiceEvent.REGISTERED) {
                        registered.countDown();
                    }
                }, "(&(" + Constants.OBJECTCLASS + "=java.lang.Runnable)(component.name=bench.trivial.b0000))");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        if (mode.equals("baseline") && !registered.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the trivial DS service was not registered within 60 s");
        }
        if (mode.startsWith("runtime")) {
            awaitProviders(f.getBundleContext(), mode.equals("runtime") ? List.of("mock", "openai") : List.of("mock"));
        }
        long ready = System.currentTimeMillis() * 1_000_000L;
        long rss = Felixes.rssKiB();
        Felixes.stop(f);
        long stopped = System.currentTimeMillis() * 1_000_000L;
        System.out.printf(Locale.ROOT, "mode=%s ready_ms=%.1f stopped_ms=%.1f rss_mib=%.1f%n", mode,
                (ready - t0) / 1e6, (stopped - t0) / 1e6, rss / 1024.0);
    }

    /**
     * With {@code -Dbench.marks=true}: one line on standard error for each bundle started and each service
     * registered, in ms from {@code t0}, with the thread that did it: where a start's time goes.
     */
    private static void marks(BundleContext c, long t0) {
        LongSupplier ms = () -> (System.currentTimeMillis() * 1_000_000L - t0) / 1_000_000L;
        c.addBundleListener(e -> {
            if (e.getType() == BundleEvent.STARTED || e.getType() == BundleEvent.INSTALLED) {
                System.err.printf(Locale.ROOT, "mark %5d %-9s %s [%s]%n", ms.getAsLong(),
                        e.getType() == BundleEvent.STARTED ? "started" : "installed",
                        e.getBundle().getSymbolicName(), Thread.currentThread().getName());
            }
        });
        c.addServiceListener(e -> {
            if (e.getType() == ServiceEvent.REGISTERED) {
                System.err.printf(Locale.ROOT, "mark %5d service   %s [%s]%n", ms.getAsLong(),
                        String.join(",", (String[]) e.getServiceReference().getProperty(Constants.OBJECTCLASS)),
                        Thread.currentThread().getName());
            }
        });
    }

    private static List<String> plugins(String mode) {
        if (mode.equals("runtime")) {
            return List.of("provider-template", "provider-openai-sample");
        }
        if (mode.equals("runtimemock")) {
            return List.of("provider-template");
        }
        throw new IllegalArgumentException("mode must be bare, baseline, runtime or runtimemock, was '" + mode + "'");
    }

    /** Polls ProviderFactory.getProvider(type) (by reflection: core-api is a bundle here) until all answer. */
    private static void awaitProviders(BundleContext c, List<String> types) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> left = new ArrayList<>(types);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                StringBuilder states = new StringBuilder();
                for (org.osgi.framework.Bundle b : c.getBundles()) {
                    states.append("\n  ").append(b.getSymbolicName()).append(' ').append(b.getState())
                            .append(' ').append(b.getLocation());
                }
                throw new IllegalStateException("providers " + left + " not usable within 60 s; bundles:" + states
                        + "\n  last refusal: " + lastRefusal);
            }
            // all references: the class path may hold other copies of the API classes than the bundles use
            ServiceReference<?>[] refs = c.getAllServiceReferences("org.llmrecon.api.runtime.ProviderFactory", null);
            if (refs != null) {
                ServiceReference<?> ref = refs[0];
                Object factory = c.getService(ref);
                Method get = factory.getClass().getMethod("getProvider", String.class);
                left.removeIf(t -> {
                    try {
                        get.invoke(factory, t);
                        return true;
                    } catch (ReflectiveOperationException e) {
                        lastRefusal = String.valueOf(e.getCause());
                        return false;
                    }
                });
                c.ungetService(ref);
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
