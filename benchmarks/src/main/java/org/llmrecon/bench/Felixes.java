package org.llmrecon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** Starts Apache Felix in this process with a list of bundle files. */
public final class Felixes {
    private Felixes() {
    }

    /**
     * Properties common to every run: a fresh cache, Gogo without a console, quiet File Install, and SCR logging
     * through its own bundle's loggers as the launcher has it (else Felix Log keeps a logger, and with it the whole
     * uninstalled bundle, for every bundle SCR managed).
     */
    public static Map<String, String> properties(Path storage) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put("gosh.args", "--nointeractive");
        p.put("felix.fileinstall.log.level", "1");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("ds.log.extension", "true");
        return p;
    }

    /** Watches {@code dir} with File Install at the given poll and tells the runtime it is a plugin folder. */
    public static void watch(Map<String, String> p, Path dir, long pollMillis) throws IOException {
        Files.createDirectories(dir);
        p.put("felix.fileinstall.dir", dir.toAbsolutePath().toString());
        p.put("felix.fileinstall.poll", Long.toString(pollMillis));
        p.put("felix.fileinstall.tmpdir", dir.resolveSibling("fileinstall-tmp").toAbsolutePath().toString());
        p.put("llmrecon.plugins.dirs", dir.toAbsolutePath().toString());
    }

    /**
     * Makes {@code dir} a plugin folder of the runtime, watched as the launcher watches it: File Install
     * configured by the runtime, woken by file-system events, its poll a fallback. File Install's own
     * watcher gets an empty folder, as in the launcher.
     */
    public static void pluginFolder(Map<String, String> p, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path none = Files.createDirectories(dir.resolveSibling("fileinstall-none"));
        p.put("felix.fileinstall.dir", none.toAbsolutePath().toString());
        p.put("felix.fileinstall.poll", "60000");
        p.put("llmrecon.plugins.dirs", dir.toAbsolutePath().toString());
    }

    /** Shares the core-api packages of this class path with the bundles (core-api is then not installed). */
    public static void shareApi(Map<String, String> p) {
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages());
        p.put("llmrecon.framework.version", "1.0.0");
        p.put("llmrecon.swap.grace", "0ms");
    }

    /** @return the core-api bundle's Export-Package: what the system bundle exports when the API is shared */
    public static String apiPackages() {
        Path api = Bundles.root().resolve("runtime/core-api.jar");
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(api.toFile())) {
            return jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + api, e);
        }
    }

    /** Starts a framework and installs and starts the bundles, in order. */
    public static Framework start(Map<String, String> props, List<Path> bundles) throws BundleException {
        return start(props, bundles, c -> { });
    }

    /** As {@link #start(Map, List)}, calling {@code beforeStart} with the system context after init. */
    public static Framework start(Map<String, String> props, List<Path> bundles,
            java.util.function.Consumer<org.osgi.framework.BundleContext> beforeStart) throws BundleException {
        Framework f = new Felix(new HashMap<>(props));
        f.init();
        beforeStart.accept(f.getBundleContext());
        List<Bundle> installed = new ArrayList<>();
        for (Path b : bundles) {
            installed.add(f.getBundleContext().installBundle(b.toUri().toString()));
        }
        f.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        return f;
    }

    /** @return the runtime's bundles without core-api, for runs that share the API from the class path */
    public static List<Path> runtimeWithoutApi() {
        return Bundles.runtime().stream().filter(p -> !p.getFileName().toString().startsWith("core-api")).toList();
    }

    public static void stop(Framework f) throws BundleException, InterruptedException {
        f.stop();
        f.waitForStop(60_000);
    }

    /** @return the resident set size of this process in KiB, from /proc (Linux), or -1 */
    public static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** @return used heap in bytes after a few full collections */
    /**
     * @return the CPU time this process has used so far (every thread, the JIT and the GC included), in
     *         nanoseconds: on a machine shared with other work it changes far less than the wall time does
     */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
