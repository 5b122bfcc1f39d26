package org.llmrecon.runtime.internal.trust;

import org.llmrecon.api.runtime.RuntimeProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The allow file: SHA-256 hashes (hex) of jars accepted without a
 * signature, one a line; {@code #} starts a comment. Read on every check,
 * so an edit takes effect the next time a plugin resolves.
 */
final class AllowList {
    private final Path file;

    /** @param file the allow file, or {@code null} when none is configured */
    AllowList(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** @param sha256 a jar's hex hash, computed only when an allow file is configured @return whether the file lists it */
    boolean allows(Supplier<String> sha256) {
        return file != null && read().contains(sha256.get().toLowerCase(Locale.ROOT));
    }

    /** @param sha256 the hash of a jar the file does not list @return why that jar is not allowed */
    String notAllowed(String sha256) {
        if (file == null) {
            return "unsigned, its SHA-256 is " + sha256 + " and no allow file is configured ("
                    + RuntimeProperties.TRUST_ALLOW + ")";
        }
        String unreadable = Files.isReadable(file) ? "" : " (which cannot be read)";
        return "unsigned and its SHA-256 " + sha256 + " is not in " + file + unreadable;
    }

    private Set<String> read() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(l -> l.replaceFirst("#.*", "").trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
