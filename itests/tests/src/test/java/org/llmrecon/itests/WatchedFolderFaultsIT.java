package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.llmrecon.itests.Bundles.jar;
import static org.llmrecon.itests.FaultJars.faultPlugin;
import static org.llmrecon.itests.FaultJars.withHeaders;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Fault matrix, the watched folder (File Install): files that are no jar, a
 * jar without manifest, a sidecar alone, the same jar under two names and a
 * jar replaced while it is being copied. Each is listed with its reason or
 * not at all, and the healthy plugin keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WatchedFolderFaultsIT extends FaultMatrixSupport {
    @Override
    protected Option[] extraOptions() {
        return WatchedFolder.options("watched-faults");
    }

    /** Empties the watched folder and waits until File Install has uninstalled what it had installed from it. */
    @After
    public void emptyWatchedFolder() throws Exception {
        clearWatchedFolder();
        Path folder = watched();
        waitFor(() -> pluginManager.plugins().stream().noneMatch(p -> p.location() != null
                && p.location().startsWith(folder.toString())), DEADLINE, "nothing from the watched folder listed");
    }

    @Test
    public void emptyFileIsListedFailed() throws Exception {
        watchedFolder().drop(Files.createFile(work.resolve("empty.jar")), "empty.jar");
        PluginInfo info = assertListed("empty.jar", PluginState.FAILED, "empty.jar: not a valid jar (zip file is empty)");
        assertEquals("not installed", -1, info.bundleId());
    }

    @Test
    public void corruptZipIsListedFailed() throws Exception {
        byte[] whole = Files.readAllBytes(jar("itest-echo-plugin"));
        Path half = Files.write(work.resolve("corrupt.jar"), Arrays.copyOf(whole, whole.length / 2));
        watchedFolder().drop(half, "corrupt.jar");
        PluginInfo info = assertListed("corrupt.jar", PluginState.FAILED,
                "corrupt.jar: not a valid jar (zip END header not found)");
        assertEquals("not installed", -1, info.bundleId());
    }

    @Test
    public void jarWithoutManifestIsListedFailed() throws Exception {
        watchedFolder().drop(FaultJars.withoutManifest(jar("itest-echo-plugin"), work.resolve("bare.jar")), "bare.jar");
        PluginInfo info = assertListed("bare.jar", PluginState.FAILED, "bare.jar: not an OSGi bundle (no "
                + "Bundle-SymbolicName) and declares no legacy provider (LLMrecon-Legacy-Provider header or "
                + "META-INF/services/org.llmrecon.api.plugin.PluginInterface)");
        assertEquals("not installed", -1, info.bundleId());
    }

    @Test
    public void sidecarWithoutItsJarIsListedWithTheReasonAndDisturbsNothing() throws Exception {
        List<String> before = listing();
        Path valid = Files.writeString(work.resolve("ghost.jar.metadata.json"),
                "{\"name\": \"ghost\", \"provider_type\": \"ghost\"}", StandardCharsets.UTF_8);
        Path broken = Files.writeString(work.resolve("wreck.jar.metadata.json"), "{\"name\": ", StandardCharsets.UTF_8);
        watchedFolder().drop(valid, valid.getFileName().toString());
        watchedFolder().drop(broken, broken.getFileName().toString());
        // a typo in a sidecar's name must not be silent: each is listed FAILED naming the jar it lacks
        for (String name : List.of("ghost", "wreck")) {
            assertListedContaining(name + ".jar.metadata.json", PluginState.FAILED, "sidecar " + name
                    + ".jar.metadata.json describes " + name + ".jar, which is not in ");
        }
        // and the plugins listed before stay exactly as they were
        observeFor(Duration.ofSeconds(1), () -> assertEquals("listing beside sidecars alone", before,
                listing().stream().filter(l -> !l.contains(".jar.metadata.json")).toList()));
        assertFalse(pluginManager.plugin("ghost").isPresent());
        assertEchoServes("beside sidecars alone");
    }

    @Test
    public void sameJarUnderTwoNamesSecondIsListedFailed() throws Exception {
        Path jar = faultPlugin(work.resolve("dup.jar"), "fault-dup", "dup", null);
        watchedFolder().drop(jar, "dup-1.jar");
        PluginInfo first = assertListed("fault-dup", PluginState.ACTIVE, null);
        assertEquals("fault-dup: one", chat("dup", "one"));

        watchedFolder().drop(jar, "dup-2.jar");

        assertListed("dup-2.jar", PluginState.FAILED, "dup-2.jar: not installed: bundle "
                + "org.llmrecon.itests.fault.fault-dup 1.0.0 is already installed from " + watched().resolve("dup-1.jar"));
        assertListed("fault-dup", PluginState.ACTIVE, null);
        assertEquals("the first keeps its bundle", first.bundleId(), pluginManager.plugin("fault-dup").orElseThrow()
                .bundleId());
        assertEquals("fault-dup: two", chat("dup", "two"));

        // taking the copy away must not take the first with it
        Files.delete(watched().resolve("dup-2.jar"));
        waitFor(() -> pluginManager.plugin("dup-2.jar").isEmpty(), DEADLINE, "the copy no longer listed");
        observeFor(Duration.ofSeconds(1), () -> {
            PluginInfo now = pluginManager.plugin("fault-dup").orElseThrow();
            assertEquals("the first after its copy was deleted: " + now.reason(), PluginState.ACTIVE, now.state());
            assertEquals(first.bundleId(), now.bundleId());
        });
        assertEquals("fault-dup: three", chat("dup", "three"));
    }

    @Test
    public void jarReplacedWhileBeingCopiedNeverDisturbsTheOldOneAndTheCompleteOneServes() throws Exception {
        Path v1 = faultPlugin(work.resolve("swap-v1.jar"), "fault-swap", "swap", null);
        Path v2 = withHeaders(v1, work.resolve("swap-v2.jar"), Map.of("Bundle-Version", "1.1.0"));
        Path target = watchedFolder().drop(v1, "swap.jar");
        long id = assertListed("fault-swap", PluginState.ACTIVE, null).bundleId();
        assertEquals("1.0.0", pluginManager.plugin("fault-swap").orElseThrow().version());

        byte[] whole = Files.readAllBytes(v2);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(whole, 0, whole.length / 2);
            out.flush();
            // File Install polls every 100 ms: for ten polls the half-written jar must change nothing
            observeFor(Duration.ofSeconds(1), () -> {
                PluginInfo now = pluginManager.plugin("fault-swap").orElseThrow();
                assertEquals("state while half copied: " + now.reason(), PluginState.ACTIVE, now.state());
                assertEquals("1.0.0", now.version());
                assertEquals(id, now.bundleId());
                assertEquals("fault-swap: meanwhile", chat("swap", "meanwhile"));
                assertEquals("echo 1.0.0: meanwhile", chat("echo", "meanwhile"));
            });
            out.write(whole, whole.length / 2, whole.length - whole.length / 2);
        }

        waitFor(() -> pluginManager.plugin("fault-swap").map(p -> "1.1.0".equals(p.version())
                && p.state() == PluginState.ACTIVE).orElse(false), DEADLINE, "fault-swap 1.1.0 active once copied");
        assertEquals("updated in place", id, pluginManager.plugin("fault-swap").orElseThrow().bundleId());
        assertEquals("fault-swap: after", chat("swap", "after"));
        assertFalse("the half-written jar left no failure behind:\n" + describePlugins(),
                pluginManager.plugins().stream().anyMatch(p -> p.state() == PluginState.FAILED));
        assertEchoServes("after the swap");
    }

    private Path watched() {
        return Path.of(context.getProperty(WatchedFolder.PROPERTY));
    }

    /** @return every listed plugin as one comparable line */
    private List<String> listing() {
        return pluginManager.plugins().stream().map(p -> p.name() + " " + p.providerType() + " " + p.state() + " "
                + p.reason() + " " + p.bundleId()).collect(Collectors.toList());
    }

    /**
     * Checks an assertion again and again for a while: what must stay true while
     * File Install polls. (An observation window, not a wait for something to happen.)
     */
    private void observeFor(Duration window, Runnable check) {
        long end = System.nanoTime() + window.toNanos();
        waitFor(() -> {
            check.run();
            return System.nanoTime() >= end;
        }, window.plus(DEADLINE), "observation window over");
    }
}
