package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.itests.probe.ProviderEvents;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Two plugins for one provider type: the higher version serves it, the other waits and takes over. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShadowingIT extends TestSupport {

    @Test
    public void higherVersionWinsAndTheOtherTakesOverWhenItGoes() throws Exception {
        long v1 = installPlugin(jar("itest-shadow-v1-plugin")).getBundleId();
        awaitState("itest-shadow-v1", PluginState.ACTIVE);
        long v2 = installPlugin(jar("itest-shadow-v2-plugin")).getBundleId();

        awaitState("itest-shadow-v2", PluginState.ACTIVE);
        PluginInfo shadowed = awaitState("itest-shadow-v1", PluginState.SHADOWED);
        assertTrue("shadowed reason names the winner: " + shadowed.reason(),
                String.valueOf(shadowed.reason()).contains("itest-shadow-v2"));
        ManagedProvider handle = factory.getProvider("shadow");
        assertEquals("shadow 2.0.0: hi", ask(handle, "hi"));
        assertEquals("the shadowed plugin created no provider", 0, ProviderEvents.createdBy(v1));

        pluginManager.uninstall("itest-shadow-v2");

        awaitState("itest-shadow-v1", PluginState.ACTIVE);
        waitFor(() -> ProviderEvents.closedBy(v2) >= 1, DEADLINE, "the 2.0.0 provider closed");
        assertEquals("the same handle now reaches 1.0.0", "shadow 1.0.0: again", ask(handle, "again"));
        assertEquals("shadow 1.0.0: fresh", chat("shadow", "fresh"));
        assertEquals("close() calls on the 2.0.0 provider", 1, ProviderEvents.closedBy(v2));
        assertEquals("providers created by 1.0.0 after take-over", 1, ProviderEvents.createdBy(v1));
    }

    @Test
    public void lowerVersionInstalledLaterStaysShadowed() throws Exception {
        installPlugin(jar("itest-shadow-v2-plugin"));
        awaitState("itest-shadow-v2", PluginState.ACTIVE);
        long v1 = installPlugin(jar("itest-shadow-v1-plugin")).getBundleId();

        awaitState("itest-shadow-v1", PluginState.SHADOWED);
        assertEquals("itest-shadow-v2", pluginManager.plugin("itest-shadow-v2").orElseThrow().name());
        assertEquals(PluginState.ACTIVE, pluginManager.plugin("itest-shadow-v2").orElseThrow().state());
        assertEquals("shadow 2.0.0: hi", chat("shadow", "hi"));
        assertEquals("the shadowed plugin created no provider", 0, ProviderEvents.createdBy(v1));
    }

    private static String ask(ManagedProvider provider, String prompt) {
        return provider.chat(ChatRequest.builder().user(prompt).build()).text();
    }
}
