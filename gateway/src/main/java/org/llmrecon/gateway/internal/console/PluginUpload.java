package org.llmrecon.gateway.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A jar deployed through the console: written whole into the first watched
 * plugin folder under a hidden name the folder watcher ignores, then moved to
 * its name in one step, so the runtime's ordinary hot deploy installs it (and
 * reports a bad jar as FAILED with its reason, as for a jar copied there by hand).
 */
final class PluginUpload {
    /** Larger than any plugin seen; keeps a mistaken upload from filling the disk. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.jar");

    private PluginUpload() {
    }

    /**
     * @param folders the watched plugin folders, first one written
     * @param fileName the jar's file name as the browser sent it
     * @param body the jar's bytes
     * @return the file written
     * @throws IllegalArgumentException when the name or size is refused, or no folder is watched (one line)
     * @throws IOException when the folder cannot be written
     */
    static Path write(List<Path> folders, String fileName, InputStream body) throws IOException {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("file: a plugin's file name is letters, digits, '.', '_' or '-'"
                    + " ending in .jar, at most 104 characters");
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("file: the runtime watches no plugin folder to deploy into");
        }
        Path folder = folders.get(0);
        Path part = folder.resolve("." + fileName + ".part");
        try {
            long written = copy(body, part);
            if (written == 0) {
                throw new IllegalArgumentException("file: " + fileName + " is empty");
            }
            return Files.move(part, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static long copy(InputStream body, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new IllegalArgumentException("file: larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
