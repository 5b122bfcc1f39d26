package org.llmrecon.provider.mock;

import java.util.HashMap;
import java.util.Map;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/** Builds mock providers the way the runtime does: through the plugin. */
final class Mocks {

    private Mocks() {
    }

    static ProviderConfig config(String... keysAndValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProviderConfig.builder("mock").additionalParams(params).build();
    }

    static Provider provider(String... keysAndValues) {
        return provider(config(keysAndValues));
    }

    static Provider provider(ProviderConfig config) {
        MockPlugin plugin = new MockPlugin();
        plugin.validateConfig(config);
        return plugin.createProvider(config);
    }

    static ChatRequest hello() {
        return ChatRequest.builder().system("Be brief.").user("hello there").build();
    }
}
