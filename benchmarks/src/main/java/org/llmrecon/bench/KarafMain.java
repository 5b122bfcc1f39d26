package org.llmrecon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Apache Karaf anchor, timed from outside: Karaf runs as its own process ({@code bin/karaf server}) and a
 * generated marker bundle (one DS component, {@link org.llmrecon.bench.trivial.MarkerComponent}) writes the
 * wall-clock time of its activation and deactivation to files. Mode {@code start}: a clean start (no
 * {@code data/}) with the marker bundle in {@code deploy/}, from just before the process starts until the
 * component is active, RUNS times. Mode {@code hotdeploy}: one Karaf with its {@code deploy/} poll set to
 * POLL_MS; a marker bundle is moved into {@code deploy/} (until active) and deleted (until deactivated),
 * TRIALS times, each after a random pause within the poll period. Prints one {@code mode=} line per run.
 * With {@code -Dbench.launcher=JAR}, mode {@code start} times the launcher the same way after each Karaf
 * start (the marker bundle alone in its plugin folder, {@code --no-shell}): {@code mode=launchermarker}.
 * Usage: {@code KarafMain start KARAF_HOME RUNS WORK} or {@code KarafMain hotdeploy KARAF_HOME POLL_MS TRIALS WORK}.
 * Always ends the JVM and the Karaf processes it started, with status 1 when the run failed.
 */
public final class KarafMain {
    private static final long TIMEOUT_S = 180;

    private KarafMain() {
    }

    public static void main(String[] args) {
        BenchRun.exitAfter("karaf " + String.join(" ", args), () -> {
            Path home = Path.of(args[1]).toAbsolutePath();
            if (args[0].equals("start")) {
                start(home, Integer.parseInt(args[2]), Path.of(args[3]));
            } else if (args[0].equals("hotdeploy")) {
                hotDeploy(home, Long.parseLong(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            } else {
                throw new IllegalArgumentException("mode must be start or hotdeploy, was '" + args[0] + "'");
            }
        });
    }

    private static void start(Path home, int runs, Path work) throws Exception {
        Path markers = Files.createDirectories(work.resolve("markers"));
        Path deploy = home.resolve("deploy");
        String launcher = System.getProperty("bench.launcher");
        setPoll(home, 1000);
        for (int i = 0; i < runs; i++) {
            clean(home, markers);
            GeneratedBundles.marker(deploy, "bench.marker.start", markers);
            long t0 = micros();
            Process karaf = launch(home, work);
            try {
                long up = awaitMarker(markers, "bench.marker.start.up", karaf);
                System.out.printf(Locale.ROOT, "mode=karaf ready_ms=%.1f%n", (up - t0) / 1e3);
            } finally {
                stop(karaf);
                Files.deleteIfExists(deploy.resolve("bench.marker.start.jar"));
            }
            if (launcher != null) {
                startLauncher(Path.of(launcher), markers, work);
            }
        }
    }

    /**
     * The same cold start, with the same marker bundle, for the launcher: the marker in an otherwise empty
     * plugin folder, {@code --no-shell}, from just before the process starts until the component is active.
     */
    private static void startLauncher(Path jar, Path markers, Path work) throws Exception {
        delete(markers, false);
        delete(work.resolve("launcher"), true);
        Path plugins = Files.createDirectories(work.resolve("launcher/plugins"));
        Path etc = Files.createDirectories(work.resolve("launcher/etc"));
        GeneratedBundles.marker(plugins, "bench.marker.start", markers);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = micros();
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--plugins", plugins.toString(), "--etc",
                etc.toString(), "--no-shell").directory(work.resolve("launcher").toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher-out.txt").toFile()).start();
        try {
            long up = awaitMarker(markers, "bench.marker.start.up", p);
            System.out.printf(Locale.ROOT, "mode=launchermarker ready_ms=%.1f%n", (up - t0) / 1e3);
        } finally {
            stop(p);
        }
    }

    private static void hotDeploy(Path home, long poll, int trials, Path work) throws Exception {
        Path markers = Files.createDirectories(work.resolve("markers"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Path deploy = home.resolve("deploy");
        setPoll(home, poll);
        clean(home, markers);
        GeneratedBundles.marker(deploy, "bench.marker.warm", markers);
        Process karaf = launch(home, work);
        try {
            awaitMarker(markers, "bench.marker.warm.up", karaf);
            List<Double> deploys = new ArrayList<>();
            List<Double> undeploys = new ArrayList<>();
            Path target = deploy.resolve("bench.marker.hot.jar");
            for (int i = 0; i < trials; i++) {
                Path staged = GeneratedBundles.marker(staging, "bench.marker.hot", markers);
                Thread.sleep(ThreadLocalRandom.current().nextLong(poll + 1));
                long t = micros();
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                deploys.add((awaitMarker(markers, "bench.marker.hot.up", karaf) - t) / 1e3);
                Thread.sleep(ThreadLocalRandom.current().nextLong(poll + 1));
                t = micros();
                Files.delete(target);
                undeploys.add((awaitMarker(markers, "bench.marker.hot.down", karaf) - t) / 1e3);
                Files.delete(markers.resolve("bench.marker.hot.up"));
                Files.delete(markers.resolve("bench.marker.hot.down"));
            }
            Stats d = new Stats(deploys);
            Stats u = new Stats(undeploys);
            System.out.printf(Locale.ROOT, "mode=karafpoll%d trials=%d deploy_p50=%.1f deploy_p95=%.1f deploy_max=%.1f"
                    + " undeploy_p50=%.1f undeploy_p95=%.1f%n", poll, trials, d.median(), d.percentile(95), d.max(),
                    u.median(), u.percentile(95));
            System.out.printf(Locale.ROOT, "raw deploy ms: %s%nraw undeploy ms: %s%n", deploys, undeploys);
        } finally {
            stop(karaf);
            Files.deleteIfExists(deploy.resolve("bench.marker.warm.jar"));
        }
    }

    private static Process launch(Path home, Path work) throws IOException {
        return new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("karaf-out.txt").toFile()).start();
    }

    /** Karaf's own deploy/ watcher, a File Install configuration like ours. */
    private static void setPoll(Path home, long poll) throws IOException {
        Path cfg = home.resolve("etc/org.apache.felix.fileinstall-deploy.cfg");
        String text = Files.readString(cfg).replaceAll("(?m)^felix\\.fileinstall\\.poll\\s*=.*$",
                "felix.fileinstall.poll = " + poll);
        Files.writeString(cfg, text);
    }

    /** A cold start: no bundle cache, no state, no markers of an earlier run. */
    private static void clean(Path home, Path markers) throws IOException {
        delete(home.resolve("data"), true);
        delete(markers, false);
    }

    /** Deletes what {@code dir} holds, and the folder itself when {@code itself}; nothing when it does not exist. */
    private static void delete(Path dir, boolean itself) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (itself || !p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** @return the epoch microseconds the marker file holds, once it exists */
    private static long awaitMarker(Path markers, String name, Process karaf) throws Exception {
        Path file = markers.resolve(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        try (WatchService watch = markers.getFileSystem().newWatchService()) {
            markers.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(file)) {
                if (!karaf.isAlive()) {
                    throw new IllegalStateException("the process exited with status " + karaf.exitValue() + " before "
                            + name);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not appear within " + TIMEOUT_S + " s");
                }
                var key = watch.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    /** SIGTERM to Karaf's JVM and its script (Karaf stops cleanly on it), then by force after 30 s. */
    private static void stop(Process karaf) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(karaf.descendants().toList());
        all.add(karaf.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
