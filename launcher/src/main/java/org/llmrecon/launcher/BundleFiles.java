package org.llmrecon.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The embedded bundles as files, so that Felix installs them by reference ({@code reference:file:}) instead of
 * copying each into its cache on every start: a folder of the user's cache ({@code $XDG_CACHE_HOME/llmrecon/bundles},
 * else {@code ~/.cache/llmrecon/bundles}, owner-only), or the system property {@value #PROPERTY} ({@code off}: no
 * folder, the bundles are copied as before).
 * <p>
 * A file is named after its entry, the entry's CRC-32 and its size, so a launcher jar with other bundles uses other
 * files and never one of another build. A file is written under a name of its own and moved into place in one step,
 * so a launcher never sees another's half-written file; before use its size and CRC-32 are checked against the
 * launcher's entry (a file changed since is written again). Files the current launcher does not use and that are
 * older than {@link #KEEP} are deleted when it writes a file (a new launcher jar).
 */
final class BundleFiles {
    /** System property: the folder of the extracted bundles, or {@code off}. */
    static final String PROPERTY = "llmrecon.bundle.cache";
    static final Duration KEEP = Duration.ofDays(7);

    private final Path folder;
    private boolean wrote;

    private BundleFiles(Path folder) {
        this.folder = folder;
    }

    /** @return the cache in the folder the system property or the environment names, or {@code null} when off */
    static BundleFiles fromEnvironment() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && configured.strip().equalsIgnoreCase("off")) {
            return null;
        }
        Path folder;
        if (configured != null && !configured.isBlank()) {
            folder = Path.of(configured.strip());
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : home == null || home.isBlank() ? null : Path.of(home, ".cache");
            if (base == null) {
                return null;
            }
            folder = base.resolve("llmrecon").resolve("bundles");
        }
        return in(folder);
    }

    /** @param folder where the bundles' files are kept @return the cache in that folder */
    static BundleFiles in(Path folder) {
        return new BundleFiles(folder.toAbsolutePath().normalize());
    }

    /**
     * @param name the entry's file name, e.g. {@code core-runtime-1.0.0.jar}
     * @param crc the entry's CRC-32
     * @param size the entry's size in bytes
     * @param content opens the entry
     * @return the bundle as a file of this cache, written now if it was missing or differs; {@code null} when it
     *         cannot be written (the caller then installs from the stream)
     */
    Path file(String name, long crc, long size, IoSupplier<InputStream> content) {
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        Path file = folder.resolve(base + "-" + Long.toHexString(crc) + "-" + size + ".jar");
        try {
            if (Files.isRegularFile(file) && Files.size(file) == size && crc(file) == crc) {
                return file;
            }
            create(folder);
            Path part = folder.resolve(file.getFileName() + ".part-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try (InputStream in = content.get(); OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
            }
            if (Files.size(part) != size || crc(part) != crc) {
                Files.deleteIfExists(part);
                return null;
            }
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(part);
                return null;
            }
            wrote = true;
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** After a new launcher wrote its files: deletes the ones no launcher used for {@link #KEEP}. */
    void prune(Set<Path> used) {
        if (!wrote) {
            return;
        }
        Instant before = Instant.now().minus(KEEP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (!used.contains(f) && Files.getLastModifiedTime(f).compareTo(FileTime.from(before)) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale file costs only disk space
        }
    }

    private static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // another launcher created it meanwhile
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /** Opens a stream that may fail with an {@link IOException}. */
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}
