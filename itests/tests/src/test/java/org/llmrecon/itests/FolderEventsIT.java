package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.llmrecon.itests.FaultJars.faultPlugin;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The runtime's own plugin-folder watcher ({@code llmrecon.plugins.dirs}) driven by file-system events:
 * its poll is set to an hour, so every change below is seen through an event or not within the test's
 * deadline. A jar written in two halves is never installed half-written (the listing may name it as a
 * file that is not a valid jar meanwhile: it reads the folder as it is).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FolderEventsIT extends FaultMatrixSupport {
    private static final String PLUGINS = "llmrecon.plugins.dirs";

    @Override
    protected Option[] extraOptions() {
        Path folder;
        Path none;
        try {
            folder = workFolder("events-plugins");
            none = workFolder("events-fileinstall-none");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the plugin folder", e);
        }
        return new Option[] {
                // File Install's own watcher gets an empty folder; the runtime configures the plugin folder's
                frameworkProperty("felix.fileinstall.dir").value(none.toString()),
                frameworkProperty("felix.fileinstall.poll").value("3600000"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty(PLUGINS).value(folder.toString()),
                frameworkProperty("llmrecon.plugins.poll").value("1h")};
    }

    @After
    public void emptyPluginFolder() throws Exception {
        Path folder = folder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.collect(Collectors.toList())) {
                Files.delete(f);
            }
        }
        waitFor(() -> pluginManager.plugins().stream().noneMatch(p -> p.location() != null
                && p.location().contains(folder.toString())), DEADLINE, "nothing from the plugin folder listed");
    }

    @Test
    public void aMovedInJarIsServedAndADeletedOneWithdrawnWithoutAPoll() throws Exception {
        Path staged = faultPlugin(work.resolve("moved.jar"), "fault-moved", "moved", null);
        Path jar = Files.move(staged, folder().resolve("moved.jar"), StandardCopyOption.ATOMIC_MOVE);
        assertListed("fault-moved", PluginState.ACTIVE, null);
        assertEquals("fault-moved: hi", chat("moved", "hi"));

        Files.delete(jar);
        waitFor(() -> pluginManager.plugin("fault-moved").isEmpty(), DEADLINE, "fault-moved withdrawn");
        assertNotOffered("moved");
        assertEchoServes("after the delete");
    }

    @Test
    public void aJarStillBeingWrittenIsNeverInstalledHalfWritten() throws Exception {
        byte[] whole = Files.readAllBytes(faultPlugin(work.resolve("slow.jar"), "fault-slow", "slow", null));
        Path target = folder().resolve("slow.jar");
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(whole, 0, whole.length / 2);
            out.flush();
            // the write's events woke the scanners many times over this window: half a jar must change nothing
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            waitFor(() -> {
                assertTrue("half-written jar listed as installed:\n" + describePlugins(), pluginManager.plugins()
                        .stream().filter(p -> p.location() != null && p.location().endsWith("slow.jar"))
                        .allMatch(p -> p.bundleId() < 0));
                assertTrue("no bundle from the half-written jar", Arrays.stream(context.getBundles())
                        .noneMatch(b -> b.getLocation().endsWith("slow.jar")));
                return System.nanoTime() >= end;
            }, DEADLINE.plusSeconds(1), "observation window over");
            out.write(whole, whole.length / 2, whole.length - whole.length / 2);
        }
        assertListed("fault-slow", PluginState.ACTIVE, null);
        assertEquals("fault-slow: whole", chat("slow", "whole"));
        assertFalse("the half-written jar left no failure behind:\n" + describePlugins(),
                pluginManager.plugins().stream().anyMatch(p -> p.state() == PluginState.FAILED));
    }

    private Path folder() {
        return Path.of(context.getProperty(PLUGINS));
    }
}
