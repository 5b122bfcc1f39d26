package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.jar;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.testing.GarbageCollection;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Legacy plugins dropped into a folder File Install watches: a plain jar with
 * a {@code LLMrecon-Legacy-Provider} constructor, an OSGi bundle with a
 * legacy factory method, a plain jar with a ServiceLoader-registered plugin;
 * sidecar metadata, replacing and deleting a plain jar, a legacy type that
 * collides with a modern plugin, and a broken declaration beside a good one.
 * The plain jars answer {@code "legacy <type> <Implementation-Version>: <prompt>"}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LegacyPluginsIT extends TestSupport {
    private static final int MAX_GCS = 20;
    private static final String PLAIN_CLASS = "org.llmrecon.itests.plugins.legacy.plain.PlainProvider";
    private static final String MISSING_CLASS = "org.llmrecon.itests.plugins.legacy.plain.Missing";

    /** The trust policy's default (warn) tags unsigned plugins; tags here come from the metadata sources only. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {composite(WatchedFolder.options("watched")),
                frameworkProperty("llmrecon.trust.policy").value("off")};
    }

    /** Empties the folder and waits until File Install has uninstalled what it deployed from it. */
    @After
    public void emptyTheFolder() throws Exception {
        clearWatchedFolder();
        refreshPackages(null);
    }

    @Test
    public void plainJarIsDeployedAsALegacyPluginAndServed() throws Exception {
        Path jar = watchedFolder().drop(jar("itest-legacy-jars"), "plain.jar");

        PluginInfo info = awaitState("legacy-plain", PluginState.ACTIVE);
        assertLegacy(info, "legacy-plain", "legacy-plain", "1.0.0");
        Bundle bundle = context.getBundle(info.bundleId());
        assertEquals("installed under the dropped file's location", jar,
                Path.of(URI.create(bundle.getLocation())));
        assertEquals("symbolic name made from the file name", "legacy.plain", bundle.getSymbolicName());
        assertEquals("legacy legacy-plain 1.0.0: hello", chat("legacy-plain", "hello"));
        assertEquals("providers created by the plain jar", 1, ProviderEvents.createdBy(info.bundleId()));
    }

    @Test
    public void legacyBundleIsServedThroughItsFactoryMethod() throws Exception {
        watchedFolder().drop(jar("itest-legacy-bundle"), "legacy-bundle.jar");

        PluginInfo info = awaitState("legacy-bundle", PluginState.ACTIVE);
        assertLegacy(info, "itest-legacy-bundle", "legacy-bundle", "1.3.0");
        assertEquals("org.llmrecon.itest-legacy-bundle", context.getBundle(info.bundleId()).getSymbolicName());
        assertEquals("legacy-bundle 1.3.0: hello", chat("legacy-bundle", "hello"));
    }

    @Test
    public void serviceLoaderJarIsServedWithItsOwnMetadata() throws Exception {
        watchedFolder().drop(jar("itest-legacy-services"), "services.jar");

        PluginInfo info = awaitState("legacy-services", PluginState.ACTIVE);
        assertLegacy(info, "itest-legacy-services", "legacy-services", "1.1.0");
        assertEquals("legacy.services", context.getBundle(info.bundleId()).getSymbolicName());
        assertEquals("legacy-services 1.1.0: hello", chat("legacy-services", "hello"));
    }

    @Test
    public void sidecarRenamesAndRevisesAPlainJarUntilItGoes() throws Exception {
        WatchedFolder folder = watchedFolder();
        Path jar = folder.drop(jar("itest-legacy-jars"), "sidecar.jar");
        awaitState("legacy-plain", PluginState.ACTIVE);

        folder.writeSidecar(jar, "{\"name\": \"Plain Legacy\", \"version\": \"1.5.0\", \"author\": \"Ann\","
                + " \"supported_models\": [\"plain-1\"], \"tags\": [\"offline\"]}");
        PluginInfo info = awaitListed("legacy-plain", p -> "Plain Legacy".equals(p.name()), "renamed by the sidecar");
        assertLegacy(info, "Plain Legacy", "legacy-plain", "1.5.0");
        assertEquals("Ann", info.metadata().author());
        assertEquals(List.of("plain-1"), info.metadata().supportedModels());
        assertEquals(List.of("offline"), info.metadata().tags());
        assertEquals("still the jar's own class", "legacy legacy-plain 1.0.0: hi", chat("legacy-plain", "hi"));

        folder.deleteSidecar(jar);
        info = awaitListed("legacy-plain", p -> "legacy-plain".equals(p.name()), "the defaults back once the sidecar went");
        assertLegacy(info, "legacy-plain", "legacy-plain", "1.0.0");
    }

    @Test
    public void replacedPlainJarServesTheNewVersionThroughTheSameHandle() throws Exception {
        WatchedFolder folder = watchedFolder();
        Path jar = folder.drop(jar("itest-legacy-jars"), "replaced.jar");
        long id = awaitState("legacy-plain", PluginState.ACTIVE).bundleId();
        ManagedProvider handle = factory.getProvider("legacy-plain");
        assertEquals("legacy legacy-plain 1.0.0: one", ask(handle, "one"));

        folder.replace(jar, jar("itest-legacy-jars-v2"));

        // File Install stops the bundle, updates it, refreshes and starts it again. The plugin list is not
        // consulted until that is done: listing a persistently started bundle that is not active starts it
        // (BundleStates.startFailure), which in that window races with File Install's refresh.
        Bundle bundle = context.getBundle(id);
        waitFor(() -> bundle.getState() == Bundle.ACTIVE && "2.0.0".equals(bundle.getVersion().toString()), DEADLINE,
                () -> "File Install updated and restarted the bundle (state " + bundle.getState() + ", version "
                        + bundle.getVersion() + ")");
        PluginInfo info = awaitListed("legacy-plain", p -> "2.0.0".equals(p.version()) && p.state() == PluginState.ACTIVE,
                "2.0.0 active after the jar was replaced");
        assertLegacy(info, "legacy-plain", "legacy-plain", "2.0.0");
        assertEquals("File Install updated the bundle in place", id, info.bundleId());
        waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, "the 1.0.0 provider closed");
        assertEquals("the same handle reaches 2.0.0", "legacy legacy-plain 2.0.0: two", ask(handle, "two"));
        assertEquals("legacy legacy-plain 2.0.0: fresh", chat("legacy-plain", "fresh"));
        assertEquals("providers created: one per version", 2, ProviderEvents.createdBy(id));
        assertEquals("close() calls: the 1.0.0 provider once", 1, ProviderEvents.closedBy(id));
    }

    @Test
    public void deletedPlainJarIsWithdrawnAndItsClassLoaderReleased() throws Exception {
        Path jar = watchedFolder().drop(jar("itest-legacy-jars"), "deleted.jar");
        long[] id = new long[1];
        WeakReference<ClassLoader> loader = usePlainJar(id);

        Files.delete(jar);

        waitFor(() -> context.getBundle(id[0]) == null, DEADLINE, "bundle uninstalled after its jar was deleted");
        waitFor(() -> ProviderEvents.closedBy(id[0]) >= 1, DEADLINE, "the provider closed after its jar was deleted");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> factory.getProvider("legacy-plain"));
        assertEquals("no plugin offers provider type 'legacy-plain'", e.getMessage());
        assertEquals("nothing listed for the deleted jar: " + describePlugins(), 0, pluginManager.plugins().stream()
                .filter(p -> p.bundleId() == id[0] || "legacy-plain".equals(p.providerType())).count());

        refreshPackages(null);
        GarbageCollection.untilCleared(List.of(loader), MAX_GCS);
        if (loader.get() != null) {
            fail("class loader of the deleted plain jar (bundle " + id[0] + ") still reachable after " + MAX_GCS
                    + " GCs following uninstall and refresh\nplugins now:\n" + describePlugins());
        }
        assertEquals("close() calls", 1, ProviderEvents.closedBy(id[0]));
    }

    @Test
    public void legacyTypeCollidingWithAModernPluginIsShadowedUntilASidecarRaisesItsVersion() throws Exception {
        long modern = installPlugin(jar("itest-echo-plugin")).getBundleId();
        awaitState("itest-echo", PluginState.ACTIVE);
        WatchedFolder folder = watchedFolder();
        Path jar = folder.drop(jar("itest-legacy-jars-echo"), "echo-legacy.jar");

        PluginInfo legacy = awaitLegacy("echo", PluginState.SHADOWED);
        assertEquals("equal versions: the plugin that publishes itself wins over the adapted one",
                "shadowed by plugin 'itest-echo' 1.0.0 for provider type 'echo'", legacy.reason());
        assertEquals("echo", legacy.name());
        assertEquals(PluginState.ACTIVE, pluginManager.plugin("itest-echo").orElseThrow().state());
        assertEquals("echo 1.0.0: modern", chat("echo", "modern"));

        folder.writeSidecar(jar, "{\"name\": \"echo-legacy\", \"version\": \"2.0.0\"}");

        legacy = awaitLegacy("echo", PluginState.ACTIVE);
        assertEquals("echo-legacy", legacy.name());
        assertEquals("2.0.0", legacy.version());
        PluginInfo shadowed = pluginManager.plugin("itest-echo").orElseThrow();
        assertEquals(PluginState.SHADOWED, shadowed.state());
        assertEquals("shadowed by legacy plugin 'echo-legacy' 2.0.0 for provider type 'echo'", shadowed.reason());
        waitFor(() -> ProviderEvents.closedBy(modern) >= 1, DEADLINE, "the modern echo provider closed when it lost");
        assertEquals("the legacy class serves now (its jar says 1.0.0, its sidecar 2.0.0)", "legacy echo 1.0.0: legacy",
                chat("echo", "legacy"));
    }

    @Test
    public void brokenDeclarationFailsAloneUnderItsTypeBesideAGoodOne() throws Exception {
        watchedFolder().drop(jar("itest-legacy-jars-mixed"), "mixed.jar");

        PluginInfo good = awaitState("legacy-good", PluginState.ACTIVE);
        assertLegacy(good, "legacy-good", "legacy-good", "1.0.0");
        assertEquals("legacy legacy-good 1.0.0: hello", chat("legacy-good", "hello"));

        PluginInfo broken = awaitState("legacy-gone", PluginState.FAILED);
        assertEquals("legacy-gone", broken.name());
        assertEquals("listed under its declared type", "legacy-gone", broken.providerType());
        assertTrue("listed as legacy", broken.legacy());
        assertEquals("the same jar", good.bundleId(), broken.bundleId());
        assertEquals("legacy provider 'legacy-gone' (" + MISSING_CLASS + "): class cannot be loaded"
                + " (ClassNotFoundException: " + MISSING_CLASS + " not found by legacy.mixed [" + broken.bundleId()
                + "])", broken.reason());
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> factory.getProvider("legacy-gone"));
        assertEquals("plugin 'legacy-gone' for provider type 'legacy-gone' is failed: " + broken.reason(),
                e.getMessage());
        assertEquals("the good one still serves", "legacy legacy-good 1.0.0: again", chat("legacy-good", "again"));
    }

    /** Waits for the plain jar's plugin and chats through it; returns only a weak reference, so no frame pins it. */
    private WeakReference<ClassLoader> usePlainJar(long[] id) throws ClassNotFoundException {
        PluginInfo info = awaitState("legacy-plain", PluginState.ACTIVE);
        assertLegacy(info, "legacy-plain", "legacy-plain", "1.0.0");
        id[0] = info.bundleId();
        assertEquals("legacy legacy-plain 1.0.0: hello", chat("legacy-plain", "hello"));
        ClassLoader loader = context.getBundle(id[0]).adapt(BundleWiring.class).getClassLoader();
        assertNotNull("the plain jar's class loader", loader);
        assertEquals("the provider class comes from the plain jar", loader,
                context.getBundle(id[0]).loadClass(PLAIN_CLASS).getClassLoader());
        return new WeakReference<>(loader);
    }

    private PluginInfo awaitLegacy(String type, PluginState state) {
        waitFor(() -> legacyFor(type).map(p -> p.state() == state).orElse(false), DEADLINE,
                () -> "legacy plugin for '" + type + "' " + state);
        return legacyFor(type).orElseThrow();
    }

    private Optional<PluginInfo> legacyFor(String type) {
        return pluginManager.plugins().stream().filter(p -> p.legacy() && type.equals(p.providerType())).findFirst();
    }

    private PluginInfo awaitListed(String type, Predicate<PluginInfo> condition, String what) {
        waitFor(() -> pluginManager.plugin(type).filter(condition).isPresent(), DEADLINE,
                () -> "plugin '" + type + "' " + what);
        return pluginManager.plugin(type).orElseThrow();
    }

    private static void assertLegacy(PluginInfo info, String name, String type, String version) {
        assertEquals("name", name, info.name());
        assertEquals("provider type", type, info.providerType());
        assertEquals("version", version, info.version());
        assertEquals("state", PluginState.ACTIVE, info.state());
        assertEquals("reason", null, info.reason());
        assertTrue("listed as legacy", info.legacy());
    }

    private static String ask(ManagedProvider provider, String prompt) {
        return provider.chat(ChatRequest.builder().user(prompt).build()).text();
    }
}
