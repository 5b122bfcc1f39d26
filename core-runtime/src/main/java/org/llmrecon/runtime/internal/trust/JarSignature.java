package org.llmrecon.runtime.internal.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What a jar's signature says on its own: either no signature, a signature
 * that does not verify, or the signers that signed every entry; and the
 * file's SHA-256, computed when first asked for (3 MB of jar take tens of
 * milliseconds, and only the allow file and the messages need it). The JDK
 * verifies each entry's digest while the entry is read to its end, so every
 * entry of a signed jar is read ({@code JarFile} with verify on); Felix
 * without a security provider verifies nothing itself.
 */
final class JarSignature {
    private final Path file;
    private final List<CodeSigner> signers;
    private final String broken;
    private String sha256;

    /**
     * @param signers who signed every entry; empty when unsigned or broken
     * @param broken why the signature does not verify, or {@code null}
     */
    private JarSignature(Path file, List<CodeSigner> signers, String broken) {
        this.file = file;
        this.signers = signers;
        this.broken = broken;
    }

    List<CodeSigner> signers() {
        return signers;
    }

    String broken() {
        return broken;
    }

    boolean unsigned() {
        return signers.isEmpty() && broken == null;
    }

    /** @return the file's SHA-256, lowercase hex @throws UncheckedIOException when it cannot be read */
    synchronized String sha256() {
        if (sha256 == null) {
            try {
                sha256 = sha256(file);
            } catch (IOException e) {
                throw new UncheckedIOException(file + " cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return sha256;
    }

    /** @param jar a jar file @return its signature @throws IOException when it cannot be read */
    static JarSignature of(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            List<JarEntry> entries = Collections.list(file.entries());
            if (entries.stream().noneMatch(e -> isSignatureBlock(e.getName()))) {
                // the JDK verifies only jars with signature files: reading this one's entries checks nothing
                return new JarSignature(jar, List.of(), null);
            }
            byte[] buffer = new byte[8192];
            for (JarEntry e : entries) {
                try (InputStream in = file.getInputStream(e)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end makes the JDK check the entry's digest
                    }
                } catch (SecurityException x) {
                    return new JarSignature(jar, List.of(), "entry " + e.getName() + " was modified");
                }
            }
            return signers(jar, entries);
        } catch (SecurityException e) {
            return new JarSignature(jar, List.of(), e.getMessage());
        }
    }

    private static JarSignature signers(Path jar, List<JarEntry> entries) {
        Set<CodeSigner> common = null;
        String unsignedEntry = null;
        for (JarEntry e : entries) {
            if (e.isDirectory() || isSignatureFile(e.getName())) {
                continue;
            }
            CodeSigner[] s = e.getCodeSigners();
            if (s == null || s.length == 0) {
                unsignedEntry = unsignedEntry == null ? e.getName() : unsignedEntry;
                continue;
            }
            if (common == null) {
                common = new LinkedHashSet<>(List.of(s));
            } else {
                common.retainAll(List.of(s));
            }
        }
        if (common == null) {
            return new JarSignature(jar, List.of(), null);
        }
        if (unsignedEntry != null) {
            return new JarSignature(jar, List.of(), "entry " + unsignedEntry + " is not signed");
        }
        if (common.isEmpty()) {
            return new JarSignature(jar, List.of(), "no signer signed every entry");
        }
        return new JarSignature(jar, List.copyOf(common), null);
    }

    /** The manifest and the signature files themselves are not signed entries. */
    static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals(JarFile.MANIFEST_NAME)) {
            return true;
        }
        return n.startsWith("META-INF/") && n.indexOf('/', "META-INF/".length()) < 0
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")
                        || n.startsWith("META-INF/SIG-"));
    }

    /** A file the JDK takes as a sign that the jar is signed, wherever it lies under META-INF. */
    private static boolean isSignatureBlock(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("META-INF/") && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")
                || n.endsWith(".EC") || n.contains("/SIG-"));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
