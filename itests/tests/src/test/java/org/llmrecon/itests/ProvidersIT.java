package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.plugin.ConfigManager;
import org.llmrecon.api.plugin.PluginInfo;
import org.llmrecon.api.plugin.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The project's provider bundles, installed with the runtime, serve real calls. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvidersIT extends TestSupport {

    @Inject
    private ConfigManager configManager;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {bundleOf("provider-template")};
    }

    @Test
    public void mockProviderIsActiveAndChatsOffline() {
        PluginInfo mock = awaitState("mock", PluginState.ACTIVE);
        assertEquals("LLMrecon Mock Provider", mock.name());
        assertNull(mock.reason());
        assertTrue("factory offers mock: " + factory.providerTypes(), factory.providerTypes().contains("mock"));

        ChatResponse response = factory.getProvider("mock").chat(ChatRequest.builder().user("hello there").build());
        assertEquals("Echo: hello there", response.text());
        assertTrue("usage counted: " + response.usage(), response.usage().totalTokens() > 0);
    }

    @Test
    public void mockProviderFollowsConfigurationChanges() {
        awaitState("mock", PluginState.ACTIVE);
        configManager.set("mock", "param.reply", "Configured: {prompt}");
        try {
            assertEquals("Configured: ping", chat("mock", "ping"));
        } finally {
            configManager.set("mock", "param.reply", null);
        }
        assertEquals("Echo: ping", chat("mock", "ping"));
    }
}
