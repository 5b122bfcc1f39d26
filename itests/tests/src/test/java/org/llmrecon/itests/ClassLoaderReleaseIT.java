package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.jar;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.testing.GarbageCollection;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * After uninstall and package refresh, nothing in the runtime keeps the plugin's class loader: not even the
 * call threads on which the echo plugin leaves a thread local at every chat.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClassLoaderReleaseIT extends TestSupport {
    private static final int MAX_GCS = 20;
    /** What a misbehaving holder keeps: a strong reference to a plugin's class loader. */
    private static final List<ClassLoader> PIN = new ArrayList<>();

    @Override
    protected Option[] extraOptions() {
        Path dumps;
        try {
            dumps = Bundles.workFolder("heapdumps");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the heap dump folder", e);
        }
        // so that a failure shows the runtime's own leak report, with the threads still running
        return new Option[] {frameworkProperty("llmrecon.leak.delay").value("1ms"),
                frameworkProperty("llmrecon.leak.heapdumps").value(dumps.toString())};
    }

    @Test
    public void classLoaderIsCollectableAfterUninstallAndRefresh() throws Exception {
        long[] id = new long[1];
        WeakReference<ClassLoader> loader = useEchoPlugin(id);

        pluginManager.uninstall("itest-echo");
        refreshPackages(null);
        waitFor(() -> ProviderEvents.closedBy(id[0]) >= 1, DEADLINE, "the echo provider closed");

        GarbageCollection.untilCleared(List.of(loader), MAX_GCS);
        if (loader.get() != null) {
            fail("class loader of itest-echo (bundle " + id[0] + ") still reachable after " + MAX_GCS
                    + " GCs following uninstall and refresh\nplugins now:\n" + describePlugins());
        }
        assertEquals("close() calls", 1, ProviderEvents.closedBy(id[0]));
        assertEquals("nothing left listed for the plugin: " + describePlugins(), 0,
                pluginManager.plugins().stream().filter(p -> p.bundleId() == id[0]).count());
    }

    @Test
    public void pinnedClassLoaderIsReportedAsLeakedUntilReleased() throws Exception {
        long[] id = new long[1];
        PIN.add(useEchoPlugin(id).get());

        pluginManager.uninstall("itest-echo");
        refreshPackages(null);

        waitFor(() -> leakReport(id[0]) != null, DEADLINE,
                "uninstalled plugin whose class loader the test still holds listed as LEAKED");
        PluginInfo leaked = leakReport(id[0]);
        assertEquals("itest-echo", leaked.name());
        assertTrue("reason says the class loader is still reachable: " + leaked.reason(),
                String.valueOf(leaked.reason()).contains("class loader still reachable"));
        Path dump = Path.of(context.getProperty("llmrecon.leak.heapdumps"), "llmrecon-leak-" + id[0] + ".hprof");
        assertTrue("reason names the heap dump: " + leaked.reason(),
                String.valueOf(leaked.reason()).endsWith("; heap dump: " + dump));
        assertTrue("heap dump written: " + dump, Files.size(dump) > 0);
        assertTrue("the same dump when listed again", leakReport(id[0]).reason().endsWith("; heap dump: " + dump));
        try (var files = Files.list(dump.getParent())) {
            assertEquals("one dump per leak, however often it is listed", 1, files.count());
        }
        Files.delete(dump);

        PIN.clear();
        waitFor(() -> leakReport(id[0]) == null, DEADLINE, "LEAKED report gone once the class loader is released");
    }

    private PluginInfo leakReport(long bundleId) {
        return pluginManager.plugins().stream().filter(p -> p.bundleId() == bundleId && p.state() == PluginState.LEAKED)
                .findFirst().orElse(null);
    }

    /** Installs the echo plugin and chats through it; returns only a weak reference, so no frame here pins it. */
    private WeakReference<ClassLoader> useEchoPlugin(long[] id) throws Exception {
        Bundle bundle = installPlugin(jar("itest-echo-plugin"));
        id[0] = bundle.getBundleId();
        awaitState("echo", PluginState.ACTIVE);
        assertEquals("echo 1.0.0: hello", chat("echo", "hello"));
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        assertNotNull("the echo plugin's class loader", loader);
        return new WeakReference<>(loader);
    }
}
