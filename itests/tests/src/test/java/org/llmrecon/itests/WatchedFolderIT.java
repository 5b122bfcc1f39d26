package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.llmrecon.itests.Bundles.bundleOf;
import static org.llmrecon.itests.Bundles.jar;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.plugin.PluginInfo;
import org.llmrecon.api.plugin.PluginState;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Hot deploy through a folder watched by File Install: drop a jar in, change its sidecar, take it out. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WatchedFolderIT extends TestSupport {
    private static final String FOLDER = "felix.fileinstall.dir";

    @Override
    protected Option[] extraOptions() {
        Path folder;
        try {
            folder = workFolder("watched");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the watched folder", e);
        }
        return new Option[] {bundleOf("org.apache.felix.fileinstall"),
                frameworkProperty(FOLDER).value(folder.toString()),
                frameworkProperty("llmrecon.plugins.dirs").value(folder.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true")};
    }

    @Test
    public void droppedJarIsServedAndRemovedJarIsClosedAndWithdrawn() throws Exception {
        Path folder = Path.of(context.getProperty(FOLDER));
        Path jar = drop(jar("itest-echo-plugin"), folder.resolve("echo.jar"));

        PluginInfo info = awaitState("echo", PluginState.ACTIVE);
        assertEquals("installed from the dropped file", jar, Path.of(java.net.URI.create(
                info.location().replaceFirst("^reference:", ""))));
        assertEquals("echo 1.0.0: dropped", chat("echo", "dropped"));
        long id = info.bundleId();

        Files.writeString(folder.resolve("echo.jar.metadata.json"), "{\"name\": \"echo-renamed-by-sidecar\"}",
                StandardCharsets.UTF_8);
        waitFor(() -> pluginManager.plugin("echo").map(p -> p.name().equals("echo-renamed-by-sidecar")).orElse(false),
                DEADLINE, () -> "sidecar written beside the jar renames the plugin (listed as "
                        + pluginManager.plugin("echo").map(PluginInfo::name).orElse("nothing") + ")");

        Files.delete(jar);
        waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, "provider closed after its jar was deleted");
        waitFor(() -> !factory.providerTypes().contains("echo"), DEADLINE,
                () -> "factory withdraws 'echo' (offers " + factory.providerTypes() + ")");
        waitFor(() -> context.getBundle(id) == null, DEADLINE, "bundle uninstalled after its jar was deleted");
        assertFalse("plugin still listed after its jar was deleted: " + describePlugins(),
                pluginManager.plugin("echo").filter(p -> p.bundleId() == id).isPresent());
        assertEquals("close() calls", 1, ProviderEvents.closedBy(id));
    }

    /** Copies to a staging folder on the same file system, then moves it in at once: the watcher never sees half a jar. */
    private static Path drop(Path source, Path target) throws Exception {
        Path staged = Files.copy(source, workFolder("staging").resolve(target.getFileName()));
        return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
