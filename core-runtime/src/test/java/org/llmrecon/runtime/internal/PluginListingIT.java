package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.runtime.internal.diagnostics.LeakWatch;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.runtime.internal.legacy.TestJars;
import org.llmrecon.runtime.testing.TestFramework;
import org.osgi.framework.Bundle;

/** The listing is built from tracked state: plugin bundles by a tracker, folder jars read once per change. */
class PluginListingIT {
    @TempDir
    Path dir;
    private TestFramework framework;
    private PluginCalls calls;
    private PluginListing listing;
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("plugins")).toAbsolutePath().normalize();
        framework = new TestFramework(dir.resolve("storage"), Map.of());
        calls = new PluginCalls(Duration.ofSeconds(5));
        PluginFolders folders = new PluginFolders(List.of(folder));
        JarInspector inspector = new JarInspector(() -> "1.0.0", folders);
        PluginDiscovery counting = new PluginDiscovery() {
            @Override
            public List<PluginCheck> discover() {
                return inspector.discover();
            }

            @Override
            public PluginCheck check(Path jar) {
                reads.incrementAndGet();
                return inspector.check(jar);
            }
        };
        listing = new PluginListing(framework.context(), new PluginTracker(() -> "1.0.0", calls), counting, folders,
                new LeakWatch(framework.context(), Map.of()), calls);
    }

    @AfterEach
    void stop() throws Exception {
        listing.close();
        calls.deactivate();
        framework.close();
    }

    private List<PluginInfo> plugins() {
        return listing.plugins(null, null, jar -> false);
    }

    private PluginInfo named(String name) {
        return plugins().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed: " + plugins()));
    }

    @Test
    void aJarThatIsNotInstalledIsReadOncePerChange() throws Exception {
        Path jar = Files.writeString(dir.resolve("plugins/broken.jar"), "not a zip");
        PluginInfo info = named("broken.jar");
        assertEquals(PluginState.FAILED, info.state());
        assertTrue(info.reason().startsWith("broken.jar: not a valid jar"), info.reason());
        plugins();
        plugins();
        assertEquals(1, reads.get(), "an unchanged jar is not read again");
        Files.writeString(jar, "still not a zip, but longer");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        named("broken.jar");
        assertEquals(2, reads.get(), "a changed jar is read again");
    }

    @Test
    void aSidecarWithoutItsJarIsListedWithTheReason() throws Exception {
        Files.writeString(dir.resolve("plugins/ghost.jar.metadata.json"), "{\"name\": \"ghost\"}");
        PluginInfo info = named("ghost.jar.metadata.json");
        assertEquals(PluginState.FAILED, info.state());
        assertEquals("sidecar ghost.jar.metadata.json describes ghost.jar, which is not in "
                + dir.resolve("plugins").toAbsolutePath().normalize(), info.reason());
    }

    @Test
    void anInstalledPluginBundleWithoutServiceIsTrackedWithItsStateAndGoesWhenUninstalled() throws Exception {
        Path jar = TestJars.write(dir.resolve("plugins/quiet.jar"), Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "x.quiet", "Bundle-Version", "1.0.0", "Bundle-Name", "quiet",
                "LLMrecon-Provider-Type", "quiet", "Import-Package", "org.example.missing"), Map.of());
        Bundle b = framework.context().installBundle(jar.toUri().toString());
        PluginInfo info = named("quiet");
        assertEquals(PluginState.PENDING, info.state());
        assertEquals("quiet", info.providerType());
        assertEquals(b.getBundleId(), info.bundleId());
        assertEquals(0, reads.get(), "an installed jar is not read as a file");
        b.uninstall();
        framework.await(() -> plugins().stream().noneMatch(p -> p.name().equals("quiet")),
                "the uninstalled bundle leaves the listing");
    }
}
