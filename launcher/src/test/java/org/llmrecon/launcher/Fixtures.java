package org.llmrecon.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Files the ITs use: the template and OpenAI sample plugins built by the reactor, and garbage. */
final class Fixtures {
    private Fixtures() {
    }

    static Path template() {
        return built("template.jar", "the template plugin");
    }

    static Path openAiSample() {
        return built("openai-sample.jar", "the OpenAI sample plugin");
    }

    private static Path built(String property, String what) {
        String jar = System.getProperty(property);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property " + property + " does not name " + what + ": " + jar);
        }
        return Path.of(jar);
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }
}
