package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.FaultJars.faultPlugin;
import static org.llmrecon.itests.FaultJars.withHeaders;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Fault matrix, plugin code: createProvider, validateConfig and close that
 * throw, return null or hang, a thread left running after stop, and two
 * plugins for one type. Calls into plugin code are bounded (1 s here), an
 * uninstall always completes, and the healthy plugin keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultyCodeIT extends FaultMatrixSupport {

    @Override
    protected Option[] extraOptions() {
        return new Option[] {frameworkProperty("llmrecon.plugin.call.timeout").value("1s"),
                frameworkProperty("llmrecon.leak.delay").value("500ms")};
    }

    @Test
    public void createProviderThrowingIsNamedWhenTheProviderIsAskedFor() throws Exception {
        install("create-throw");
        assertUnavailable("create-throw",
                "plugin 'fault-create-throw' createProvider() threw IllegalStateException: createProvider fails on purpose");
    }

    @Test
    public void createProviderReturningNullIsNamed() throws Exception {
        install("create-null");
        assertUnavailable("create-null", "plugin 'fault-create-null' createProvider() returned null");
    }

    @Test
    public void createProviderHangingIsGivenUpOnWhileOthersServe() throws Exception {
        install("create-hang");
        CompletableFuture<Object> asking = CompletableFuture.supplyAsync(() -> factory.getProvider("create-hang"));
        assertEchoServes("while create-hang hangs");
        try {
            asking.get();
            fail("a hanging createProvider() produced a provider");
        } catch (ExecutionException e) {
            assertTrue("unavailable: " + e.getCause(), e.getCause() instanceof ProviderUnavailableException);
            assertEquals("plugin 'fault-create-hang' createProvider() did not return within 1000 ms",
                    e.getCause().getMessage());
        }
        assertListed("fault-create-hang", PluginState.ACTIVE, null);
    }

    @Test
    public void validateConfigThrowingUncheckedIsNamed() throws Exception {
        install("validate-throw");
        assertUnavailable("validate-throw",
                "plugin 'fault-validate-throw' validateConfig() threw IllegalStateException: validateConfig fails on purpose");
    }

    @Test
    public void closeThrowingDoesNotStopTheUninstall() throws Exception {
        long id = install("close-throw");
        assertEquals("fault-close-throw: hi", chat("close-throw", "hi"));

        pluginManager.uninstall("fault-close-throw");

        assertEquals("close() called once", 1, ProviderEvents.closedBy(id));
        assertGone(id, "close-throw");
    }

    @Test
    public void closeHangingDoesNotBlockTheUninstall() throws Exception {
        long id = install("close-hang");
        assertEquals("fault-close-hang: hi", chat("close-hang", "hi"));

        // on its own thread, so a hanging uninstall fails this test at the deadline instead of blocking it
        CompletableFuture<Void> uninstall = CompletableFuture.runAsync(() -> pluginManager.uninstall("fault-close-hang"));
        assertEchoServes("while close-hang is uninstalled");
        waitFor(uninstall::isDone, DEADLINE, "uninstall of a plugin whose close() hangs completes");
        uninstall.get();

        assertEquals("close() called once", 1, ProviderEvents.closedBy(id));
        assertGone(id, "close-hang");
    }

    @Test
    public void threadLeftRunningAfterStopIsReportedAsLeak() throws Exception {
        long id = install("thread");
        assertEquals("fault-thread: hi", chat("thread", "hi"));
        pluginManager.uninstall("fault-thread");
        try {
            PluginInfo leak = awaitState("fault-thread", PluginState.LEAKED);
            assertEquals(id, leak.bundleId());
            assertTrue("reason: " + leak.reason(), leak.reason().startsWith("class loader still reachable "));
            assertTrue("reason names the thread: " + leak.reason(),
                    leak.reason().endsWith(" s after uninstall; threads still running: fault-leaker-fault-thread"));
            assertEchoServes("beside a leaked plugin");
        } finally {
            Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("fault-leaker-fault-thread"))
                    .forEach(Thread::interrupt);
        }
        waitFor(() -> pluginManager.plugin("fault-thread").isEmpty(), DEADLINE,
                "the leak is no longer listed once the thread has ended and the class loader is collected");
    }

    @Test
    public void twoPluginsForOneTypeHigherVersionWinsOtherIsShadowed() throws Exception {
        Path older = faultPlugin(work.resolve("twin-a.jar"), "fault-twin-a", "twin", null);
        Path newer = withHeaders(faultPlugin(work.resolve("twin-b0.jar"), "fault-twin-b", "twin", null),
                work.resolve("twin-b.jar"), Map.of("Bundle-Version", "1.1.0"));
        installPlugin(older);
        long newerId = installPlugin(newer).getBundleId();

        assertListed("fault-twin-b", PluginState.ACTIVE, null);
        assertListed("fault-twin-a", PluginState.SHADOWED,
                "shadowed by plugin 'fault-twin-b' 1.1.0 for provider type 'twin'");
        assertEquals("fault-twin-b: hi", chat("twin", "hi"));

        pluginManager.uninstall("fault-twin-b");
        assertGoneBundle(newerId);
        assertListed("fault-twin-a", PluginState.ACTIVE, null);
        assertEquals("the shadowed plugin takes over", "fault-twin-a: again", chat("twin", "again"));
    }

    /** Installs the fault-switch plugin {@code fault-<fault>} of provider type {@code <fault>}. */
    private long install(String fault) throws Exception {
        long id = installPlugin(faultPlugin(work.resolve(fault + ".jar"), "fault-" + fault, fault, fault))
                .getBundleId();
        // the plugin itself is valid: its faults show only when its code runs
        assertListed("fault-" + fault, PluginState.ACTIVE, null);
        return id;
    }

    private void assertUnavailable(String type, String message) {
        try {
            factory.getProvider(type);
            fail("got a provider for '" + type + "'");
        } catch (ProviderUnavailableException e) {
            assertEquals(message, e.getMessage());
        }
        assertEchoServes("after " + type + " failed");
        assertListed("fault-" + type, PluginState.ACTIVE, null);
    }

    private void assertGone(long id, String type) {
        assertGoneBundle(id);
        assertFalse("still offered: " + factory.providerTypes(), factory.providerTypes().contains(type));
        assertFalse("still listed:\n" + describePlugins(),
                pluginManager.plugins().stream().anyMatch(p -> p.bundleId() == id && p.state() != PluginState.LEAKED));
        assertEchoServes("after " + type + " was uninstalled");
    }

    private void assertGoneBundle(long id) {
        assertNull("bundle " + id + " uninstalled", context.getBundle(id));
    }
}
