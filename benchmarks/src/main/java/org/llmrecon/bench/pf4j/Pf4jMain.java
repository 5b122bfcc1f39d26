package org.llmrecon.bench.pf4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.llmrecon.bench.BenchRun;
import org.llmrecon.bench.Felixes;
import org.llmrecon.bench.GeneratedBundles;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The PF4J 3.13 anchor of the scale run: N plugin jars (each with its own id, a plugin class and one
 * {@link Greeter} extension, generated before the clock starts) are loaded and started by a
 * {@link JarPluginManager}, and one extension of each is called; then all are stopped and unloaded. Heap
 * as in ScaleMain (used heap after full GCs). Prints the same {@code mode=} line as ScaleMain.
 * Usage: {@code Pf4jMain N WORKDIR}. Always ends the JVM, with status 1 when the run failed.
 */
public final class Pf4jMain {
    private Pf4jMain() {
    }

    public static void main(String[] args) {
        BenchRun.exitAfter("pf4j " + String.join(" ", args),
                () -> run(Integer.parseInt(args[0]), Path.of(args[1])));
    }

    private static void run(int n, Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("pf4j-plugins"));
        for (int i = 0; i < n; i++) {
            write(plugins.resolve(GeneratedBundles.type(i) + ".jar"), GeneratedBundles.type(i));
        }
        PluginManager manager = new JarPluginManager(plugins);
        long heap0 = Felixes.usedHeapAfterGc();
        long cpu = Felixes.processCpuNanos();
        long t = System.nanoTime();
        manager.loadPlugins();
        manager.startPlugins();
        int called = 0;
        for (PluginWrapper p : manager.getStartedPlugins()) {
            List<Greeter> greeters = manager.getExtensions(Greeter.class, p.getPluginId());
            if (greeters.size() != 1 || greeters.get(0).greet(p.getPluginId()).isEmpty()) {
                throw new IllegalStateException(p.getPluginId() + ": " + greeters.size() + " greeters");
            }
            called++;
        }
        if (called != n) {
            throw new IllegalStateException(called + " of " + n + " plugins started");
        }
        double allUsableMs = (System.nanoTime() - t) / 1e6;
        double allUsableCpuMs = (Felixes.processCpuNanos() - cpu) / 1e6;
        long heap1 = Felixes.usedHeapAfterGc();
        long rss = Felixes.rssKiB();
        manager.stopPlugins();
        manager.unloadPlugins();
        if (!manager.getPlugins().isEmpty()) {
            throw new IllegalStateException(manager.getPlugins().size() + " plugins left after unload");
        }
        long heap2 = Felixes.usedHeapAfterGc();
        System.out.printf(Locale.ROOT,
                "mode=pf4j n=%d all_usable_ms=%.1f all_usable_cpu_ms=%.1f heap_before_mib=%.2f heap_all_mib=%.2f heap_after_uninstall_mib=%.2f"
                        + " heap_per_bundle_kib=%.2f rss_mib=%.1f%n",
                n, allUsableMs, allUsableCpuMs, heap0 / 1048576.0, heap1 / 1048576.0, heap2 / 1048576.0,
                (heap1 - heap0) / 1024.0 / n, rss / 1024.0);
    }

    private static void write(Path jar, String id) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", BenchPlugin.class.getName());
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), m)) {
            j.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            j.write((GreeterExtension.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Class<?> c : List.of(BenchPlugin.class, GreeterExtension.class)) {
                String entry = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
    }
}
