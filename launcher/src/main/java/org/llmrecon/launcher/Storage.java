package org.llmrecon.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The framework's cache: a temporary folder per run, deleted when the runtime stops. */
final class Storage {
    private Storage() {
    }

    static Path create() {
        try {
            return Files.createTempDirectory("llmrecon-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the framework cache: " + e.getMessage(), e);
        }
    }

    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: a cache left in the temp folder is harmless
        }
    }
}
