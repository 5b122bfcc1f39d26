package org.llmrecon.provider.anthropic;

import java.time.Clock;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderConfig;

/** Builds anthropic providers for a {@link FakeAnthropic}, the way the runtime does: through the plugin. */
final class Anthropics {
    static final String KEY = "sk-ant-test-SECRET-0123456789";

    private Anthropics() {
    }

    static ProviderConfig.Builder config(FakeAnthropic server) {
        return ProviderConfig.builder("anthropic").apiKey(KEY).baseUrl(server.baseUrl())
                .defaultModel("claude-sonnet-4-5");
    }

    static AnthropicProvider provider(ProviderConfig.Builder config) {
        ProviderConfig built = config.build();
        new AnthropicPlugin().validateConfig(built);
        return new AnthropicProvider(built, Clock.systemUTC());
    }

    static ChatRequest hello() {
        return ChatRequest.builder().system("Be brief.").user("hello there").build();
    }
}
