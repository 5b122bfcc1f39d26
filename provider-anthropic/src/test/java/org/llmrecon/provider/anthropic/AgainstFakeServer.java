package org.llmrecon.provider.anthropic;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.AfterEach;

/** A test of one provider with the default test target, against its own {@link FakeAnthropic}. */
abstract class AgainstFakeServer {
    final FakeAnthropic server;
    final AnthropicProvider provider;

    AgainstFakeServer() {
        try {
            server = new FakeAnthropic();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        provider = Anthropics.provider(Anthropics.config(server));
    }

    @AfterEach
    void closeProviderAndServer() {
        provider.close();
        server.close();
    }
}
