package org.llmrecon.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** The framework's cache: a temporary folder per run, deleted when the runtime stops. */
final class Storage {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private Storage() {
    }

    /**
     * Not {@code Files.createTempDirectory}: its names come from a {@code SecureRandom}, whose set-up costs
     * start-up 10-20 ms; a name taken meanwhile is simply tried again, and the folder is the owner's alone.
     */
    static Path create() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        boolean posix = temp.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0;; attempt++) {
            Path folder = temp.resolve("llmrecon-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                return posix ? Files.createDirectory(folder, OWNER_ONLY) : Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw new UncheckedIOException("cannot create the framework cache in " + temp + ": 100 names taken", e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the framework cache: " + e.getMessage(), e);
            }
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
