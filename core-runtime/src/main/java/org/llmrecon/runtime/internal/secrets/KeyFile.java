package org.llmrecon.runtime.internal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The file holding the AES key: 32 random bytes in Base64 on one line,
 * readable by its owner only. It is created once, atomically (written
 * beside, then linked into place, so two runtimes starting together agree on
 * one key), and never rewritten.
 */
final class KeyFile {
    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    KeyFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    /** @return the key, or {@code null} when the file does not exist */
    SecretKey read() {
        if (!Files.exists(path)) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).trim());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("key file " + path + " does not hold a " + KEY_BYTES * 8
                        + "-bit key");
            }
            return new SecretKeySpec(key, "AES");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key file " + path + " is not Base64");
        } catch (IOException e) {
            throw new IllegalStateException("key file " + path + " cannot be read: " + e.getMessage());
        }
    }

    /** @return the key, created first when the file does not exist */
    SecretKey readOrCreate() {
        SecretKey key = read();
        return key != null ? key : create();
    }

    private SecretKey create() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = null;
        try {
            Files.createDirectories(path.getParent());
            tmp = Files.createTempFile(path.getParent(), ".key-", ".tmp");
            ownerOnly(tmp);
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(path, tmp);
        } catch (FileAlreadyExistsException e) {
            // another runtime made it first: use its key
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("key file " + path + " cannot be created: " + e.getMessage());
        } finally {
            deleteQuietly(tmp);
        }
        return read();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stray temporary file holds a key nobody uses
            }
        }
    }
}
