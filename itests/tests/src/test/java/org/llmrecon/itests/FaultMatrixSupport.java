package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;

import java.nio.file.Path;

import org.junit.Before;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;

/**
 * The fault matrix's common ground: a healthy plugin ({@code echo}) is
 * installed before every case and must serve before, during and after it;
 * every case reads the broken plugin's state and reason from the
 * {@link org.llmrecon.api.runtime.PluginManager}.
 */
public abstract class FaultMatrixSupport extends TestSupport {
    /** A scratch folder for the jars and sidecars one test writes. */
    protected Path work;

    @Before
    public void healthyPluginServes() throws Exception {
        work = Bundles.workFolder(getClass().getSimpleName());
        installPlugin(jar("itest-echo-plugin"));
        awaitState("echo", PluginState.ACTIVE);
        assertEchoServes("before");
    }

    /** Asserts the healthy plugin is still listed ACTIVE and answers. */
    protected void assertEchoServes(String when) {
        assertEquals("echo listed ACTIVE " + when + ":\n" + describePlugins(), PluginState.ACTIVE,
                pluginManager.plugin("echo").orElseThrow().state());
        assertEquals("echo serves " + when, "echo 1.0.0: " + when, chat("echo", when));
    }

    /**
     * Waits until the plugin {@code name} is listed in {@code state}, then checks its reason.
     *
     * @param name plugin name, type or file name
     * @param state the state expected
     * @param reason the exact reason expected
     * @return the plugin as listed
     */
    protected PluginInfo assertListed(String name, PluginState state, String reason) {
        PluginInfo info = awaitState(name, state);
        assertEquals("reason of '" + name + "'", reason, info.reason());
        assertEchoServes("beside " + name);
        return info;
    }

    /** As {@link #assertListed(String, PluginState, String)}, for a reason known by a stable part. */
    protected PluginInfo assertListedContaining(String name, PluginState state, String... reasonParts) {
        PluginInfo info = awaitState(name, state);
        for (String part : reasonParts) {
            assertTrue("reason of '" + name + "' contains '" + part + "': " + info.reason(),
                    String.valueOf(info.reason()).contains(part));
        }
        assertEchoServes("beside " + name);
        return info;
    }

    /** Asserts the factory does not offer a provider type. */
    protected void assertNotOffered(String type) {
        assertFalse("factory offers '" + type + "': " + factory.providerTypes(), factory.providerTypes().contains(type));
    }
}
