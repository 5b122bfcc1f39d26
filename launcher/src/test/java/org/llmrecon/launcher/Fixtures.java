package org.llmrecon.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Files the ITs use: the template plugin built by the reactor, and garbage. */
final class Fixtures {
    private Fixtures() {
    }

    static Path template() {
        String jar = System.getProperty("template.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property template.jar does not name the template plugin: " + jar);
        }
        return Path.of(jar);
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }
}
