package org.llmrecon.provider.anthropic;

import java.util.HashMap;
import java.util.Map;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/** Builds anthropic providers the way the runtime does: through the plugin. */
final class Anthropics {

    private Anthropics() {
    }

    static ProviderConfig config(String... keysAndValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProviderConfig.builder("anthropic").additionalParams(params).build();
    }

    static Provider provider(String... keysAndValues) {
        return provider(config(keysAndValues));
    }

    static Provider provider(ProviderConfig config) {
        AnthropicPlugin plugin = new AnthropicPlugin();
        plugin.validateConfig(config);
        return plugin.createProvider(config);
    }

    static ChatRequest hello() {
        return ChatRequest.builder().system("Be brief.").user("hello there").build();
    }
}
