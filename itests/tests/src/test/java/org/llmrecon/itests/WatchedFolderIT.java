package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Hot deploy through a folder watched by File Install: drop a jar in, change its sidecar, take it out. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WatchedFolderIT extends TestSupport {
    @Override
    protected Option[] extraOptions() {
        return WatchedFolder.options("watched");
    }

    /** Empties the watched folder and waits until File Install has uninstalled what it had installed from it. */
    @After
    public void emptyWatchedFolder() throws Exception {
        clearWatchedFolder();
    }

    @Test
    public void droppedJarIsServedAndRemovedJarIsClosedAndWithdrawn() throws Exception {
        Path folder = Path.of(context.getProperty(WatchedFolder.PROPERTY));
        Path jar = watchedFolder().drop(jar("itest-echo-plugin"), "echo.jar");

        PluginInfo info = awaitState("echo", PluginState.ACTIVE);
        assertEquals("installed from the dropped file", jar, fileOf(context.getBundle(info.bundleId())));
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
        // the listing follows the uninstall from the runtime's tracked state, a moment later
        waitFor(() -> pluginManager.plugin("echo").filter(p -> p.bundleId() == id).isEmpty(), DEADLINE,
                () -> "plugin still listed after its jar was deleted: " + describePlugins());
        assertEquals("close() calls", 1, ProviderEvents.closedBy(id));
    }

    @Test
    public void newerJarReplacingTheOldIsAnUpdate() throws Exception {
        Path jar = watchedFolder().drop(jar("itest-echo-plugin"), "echo-update.jar");
        long id = awaitState("echo", PluginState.ACTIVE).bundleId();
        ManagedProvider handle = factory.getProvider("echo");
        assertEquals("echo 1.0.0: old", ask(handle, "old"));

        watchedFolder().drop(jar("itest-echo-update-plugin"), jar.getFileName().toString());

        waitFor(() -> pluginManager.plugin("echo").map(p -> "1.1.0".equals(p.version())
                && p.state() == PluginState.ACTIVE).orElse(false), DEADLINE, "echo 1.1.0 active after the update");
        assertEquals("the update keeps the bundle", id, pluginManager.plugin("echo").orElseThrow().bundleId());
        waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, "the 1.0.0 provider closed");
        assertEquals("the same handle reaches the new code", "echo 1.1.0: new", ask(handle, "new"));
        assertEquals("close() calls: the 1.0.0 provider's", 1, ProviderEvents.closedBy(id));
        assertEquals("providers created: one per version", 2, ProviderEvents.createdBy(id));

        Files.delete(jar);
        waitFor(() -> context.getBundle(id) == null, DEADLINE, "bundle uninstalled after its jar was deleted");
        waitFor(() -> ProviderEvents.closedBy(id) >= 2, DEADLINE, "the 1.1.0 provider closed");
    }

    @Test
    public void plainLegacyJarIsAdaptedAndServed() throws Exception {
        Path jar = watchedFolder().drop(jar("itest-legacy-plain-plugin"), "legacy-echo.jar");

        PluginInfo info = awaitState("legacy-echo", PluginState.ACTIVE);
        assertTrue("listed as legacy", info.legacy());
        assertEquals("default metadata: name = the type", "legacy-echo", info.name());
        assertEquals("version from Implementation-Version", "1.2.0", info.version());
        assertEquals("legacy-echo 1.2: hi", chat("legacy-echo", "hi"));
        long id = info.bundleId();

        Files.delete(jar);
        waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, "legacy provider closed after its jar was deleted");
        waitFor(() -> !factory.providerTypes().contains("legacy-echo"), DEADLINE,
                () -> "factory withdraws 'legacy-echo' (offers " + factory.providerTypes() + ")");
        assertEquals("close() calls", 1, ProviderEvents.closedBy(id));
    }

    /** @return the file a bundle was installed from, or a path with no parent when its location is no file */
    private static Path fileOf(Bundle bundle) {
        String location = bundle.getLocation().replaceFirst("^reference:", "");
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of("not-a-file");
    }

    private static String ask(ManagedProvider provider, String prompt) {
        return provider.chat(ChatRequest.builder().user(prompt).build()).text();
    }

}
