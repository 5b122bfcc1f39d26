package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.UncheckedIOException;

final class TestSupport {
    private TestSupport() {
    }

    static FakeOpenAi server() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
