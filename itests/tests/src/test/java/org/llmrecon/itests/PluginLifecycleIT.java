package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.jar;
import static org.llmrecon.itests.Bundles.workFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.itests.probe.Gate;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** A plugin bundle installed into the running framework is offered, and uninstalled is withdrawn and closed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginLifecycleIT extends TestSupport {

    @Test
    public void installedPluginIsOfferedByTheFactory() throws Exception {
        Bundle echo = installPlugin(jar("itest-echo-plugin"));

        PluginInfo info = awaitState("echo", PluginState.ACTIVE);
        assertEquals("itest-echo", info.name());
        assertEquals("1.0.0", info.version());
        assertEquals(echo.getBundleId(), info.bundleId());
        assertNull("an active plugin has no reason: " + info.reason(), info.reason());
        waitFor(() -> factory.providerTypes().contains("echo"), DEADLINE,
                () -> "factory offers 'echo' (offers " + factory.providerTypes() + ")");

        assertEquals("echo 1.0.0: hello", chat("echo", "hello"));
        assertEquals("one provider instance per type, reused", 1, ProviderEvents.createdBy(echo.getBundleId()));
        Collection<ServiceReference<ManagedProvider>> published = context.getServiceReferences(ManagedProvider.class,
                "(provider.type=echo)");
        assertEquals("the provider published as a service for other bundles", 1, published.size());
        ManagedProvider service = context.getService(published.iterator().next());
        try {
            assertEquals("echo 1.0.0: as a service", service.chat(ChatRequest.builder().user("as a service").build())
                    .text());
        } finally {
            context.ungetService(published.iterator().next());
        }
        assertEquals("echo 1.0.0: again", chat("echo", "again"));
        assertEquals(1, ProviderEvents.createdBy(echo.getBundleId()));
    }

    @Test
    public void uninstallClosesTheProviderOnceAndWithdrawsThePlugin() throws Exception {
        long id = installPlugin(jar("itest-echo-plugin")).getBundleId();
        awaitState("echo", PluginState.ACTIVE);
        ManagedProvider handle = factory.getProvider("echo");
        assertEquals("echo 1.0.0: before", handle.chat(ChatRequest.builder().user("before").build()).text());
        assertEquals(1, ProviderEvents.createdBy(id));
        assertEquals("closed before uninstall", 0, ProviderEvents.closedBy(id));

        pluginManager.uninstall("itest-echo");

        waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, () -> "the echo provider closed after uninstall");
        Optional<PluginInfo> after = pluginManager.plugin("echo");
        assertTrue("uninstalled plugin still listed: " + after, after.isEmpty()
                || after.get().state() == PluginState.LEAKED);
        assertFalse("factory still offers 'echo': " + factory.providerTypes(),
                factory.providerTypes().contains("echo"));
        assertTrue("provider service still published after uninstall",
                context.getServiceReferences(ManagedProvider.class, "(provider.type=echo)").isEmpty());
        try {
            factory.getProvider("echo");
            fail("getProvider('echo') answered after the plugin was uninstalled");
        } catch (ProviderUnavailableException expected) {
            assertTrue("reason names the type: " + expected.getMessage(), expected.getMessage().contains("echo"));
        }
        try {
            handle.chat(ChatRequest.builder().user("after").build());
            fail("the old handle reached the uninstalled plugin");
        } catch (ProviderUnavailableException expected) {
            // new calls no longer reach the old plugin
        }
        assertEquals("close() calls on the provider of the uninstalled plugin", 1, ProviderEvents.closedBy(id));
        assertEquals("providers created by the uninstalled plugin", 1, ProviderEvents.createdBy(id));
    }

    @Test
    public void pluginOutsideTheFrameworkRangeIsRejected() throws Exception {
        installPlugin(jar("itest-future-plugin"));

        PluginInfo info = awaitState("future", PluginState.REJECTED);
        String reason = String.valueOf(info.reason());
        assertTrue("reason names the plugin: " + reason, reason.contains("itest-future"));
        assertTrue("reason names the plugin's range: " + reason, reason.contains("99.0.0"));
        assertTrue("reason names the running version 1.0.0: " + reason, reason.contains("1.0.0"));
        assertFalse("factory offers a rejected plugin: " + factory.providerTypes(),
                factory.providerTypes().contains("future"));
        try {
            factory.getProvider("future");
            fail("getProvider('future') answered for a rejected plugin");
        } catch (ProviderUnavailableException expected) {
            assertTrue("unavailability names the rejection: " + expected.getMessage(),
                    expected.getMessage().contains("rejected") && expected.getMessage().contains("99.0.0"));
        }
    }

    @Test
    public void callInFlightDuringUninstallFinishesBeforeTheProviderIsClosed() throws Exception {
        long id = installPlugin(jar("itest-echo-plugin")).getBundleId();
        awaitState("echo", PluginState.ACTIVE);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> inFlight = caller.submit(() -> chat("echo", "wait:uninstall"));
            waitFor(() -> Gate.waiting("uninstall") == 1, DEADLINE, "the call waits at its gate inside the provider");

            pluginManager.uninstall("itest-echo");
            assertFalse("factory still offers 'echo'", factory.providerTypes().contains("echo"));
            assertEquals("closed while a call was still in flight", 0, ProviderEvents.closedBy(id));

            Gate.open("uninstall");
            String outcome;
            try {
                outcome = inFlight.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                outcome = "failed: " + e.getCause();
            }
            assertTrue("the call in flight finishes, or fails saying the provider was unloaded: " + outcome,
                    outcome.equals("echo 1.0.0: wait:uninstall") || outcome.contains("unloaded"));
            waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, "provider closed once the call finished");
            assertEquals("close() calls", 1, ProviderEvents.closedBy(id));
        } finally {
            Gate.open("uninstall");
            caller.shutdownNow();
        }
    }

    @Test
    public void reloadClosesTheOldProviderOnceAndServesAgain() throws Exception {
        Path copy = Files.copy(jar("itest-echo-plugin"), workFolder("reload").resolve("echo.jar"));
        PluginInfo installed = installThroughManager(copy);
        long id = installed.bundleId();
        assertTrue("installed from the given file: " + installed.location(),
                String.valueOf(installed.location()).endsWith("echo.jar"));
        awaitState("echo", PluginState.ACTIVE);
        assertEquals("echo 1.0.0: first", chat("echo", "first"));
        assertEquals(1, ProviderEvents.createdBy(id));

        PluginInfo reloaded = pluginManager.reload("itest-echo");

        assertEquals("reload keeps the bundle", id, reloaded.bundleId());
        waitFor(() -> ProviderEvents.closedBy(id) >= 1, DEADLINE, "the provider before the reload closed");
        awaitState("echo", PluginState.ACTIVE);
        assertEquals("echo 1.0.0: second", chat("echo", "second"));
        assertEquals("providers created: one before, one after the reload", 2, ProviderEvents.createdBy(id));
        assertEquals("close() calls: the one before the reload", 1, ProviderEvents.closedBy(id));
    }
}
