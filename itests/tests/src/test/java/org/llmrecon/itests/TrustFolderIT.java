package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.file.Path;

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

/** Enforce mode on jars dropped in a folder File Install watches, plain legacy jars included. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustFolderIT extends TestSupport {
    @Override
    protected Option[] extraOptions() {
        return new Option[] {composite(WatchedFolder.options("trust-watched")),
                frameworkProperty("llmrecon.trust.policy").value("enforce"),
                frameworkProperty("llmrecon.trust.store").value(TrustJars.trustStore().toString()),
                frameworkProperty("llmrecon.trust.store.password").value(TrustJars.PASSWORD)};
    }

    @After
    public void emptyWatchedFolder() throws Exception {
        clearWatchedFolder();
    }

    @Test
    public void droppedSignedJarIsServed() throws Exception {
        watchedFolder().drop(TrustJars.signed(), "signed.jar");

        awaitState("signed-echo", PluginState.ACTIVE);
        assertEquals("signed-echo 1.0.0: dropped", chat("signed-echo", "dropped"));
    }

    @Test
    public void droppedUnsignedJarIsListedRejectedAndStaysInstalled() throws Exception {
        Path jar = watchedFolder().drop(TrustJars.unsigned(), "unsigned.jar");

        PluginInfo info = awaitState("signed-echo", PluginState.REJECTED);
        assertTrue(info.reason(), info.reason().startsWith("not trusted: unsigned, its SHA-256 is "
                + TrustJars.sha256(jar) + " and no allow file is configured"));
        Bundle bundle = context.getBundle(info.bundleId());
        assertEquals(Bundle.INSTALLED, bundle.getState());
        assertNull(System.getProperty(TrustJars.ACTIVATED + bundle.getLocation()));
    }

    @Test
    public void droppedPlainLegacyJarIsCheckedAsTheFileDropped() throws Exception {
        Path jar = watchedFolder().drop(jar("itest-legacy-plain-plugin"), "legacy-echo.jar");

        waitFor(() -> pluginManager.plugins().stream().anyMatch(p -> p.state() == PluginState.REJECTED
                && String.valueOf(p.location()).contains("legacy-echo.jar")), DEADLINE, "legacy jar listed rejected");
        PluginInfo info = pluginManager.plugins().stream().filter(p -> p.location().contains("legacy-echo.jar"))
                .findFirst().orElseThrow();
        assertTrue(info.reason(), info.reason().contains(TrustJars.sha256(jar)));
        assertEquals(Bundle.INSTALLED, context.getBundle(info.bundleId()).getState());
        assertTrue(factory.providerTypes().isEmpty());
    }
}
