package org.llmrecon.itests;

import static org.llmrecon.itests.Bundles.workFolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The trust fixtures: {@code itest-signed-plugin} as the build signed it,
 * the same jar unsigned, a trust store with the signer's certificate (all
 * made by the fixture module with keytool and jarsigner), and a tampered
 * copy made here by changing one entry of the signed jar.
 */
final class TrustJars {
    /** The fixture's trust store password (itests/plugins/signed/pom.xml). */
    static final String PASSWORD = "itest-only-password";
    /** The entry the tampered copy changes. */
    static final String TAMPERED_ENTRY = "org/llmrecon/itests/plugins/signed/greeting.txt";
    /** Prefix of the system property the fixture's component sets on activation, before its bundle location. */
    static final String ACTIVATED = "itest.trust.activated:";

    private TrustJars() {
    }

    static Path trustStore() {
        return Path.of(System.getProperty("itests.bundles"), "itest-signed-plugin-truststore.p12").toAbsolutePath();
    }

    /** @return a copy of the signed jar at a location of its own */
    static Path signed() throws Exception {
        return copy(Bundles.jar("itest-signed-plugin"));
    }

    /** @return a copy of the unsigned jar at a location of its own */
    static Path unsigned() throws Exception {
        return copy(Bundles.jar("itest-signed-plugin-unsigned"));
    }

    /** @return the signed jar with {@link #TAMPERED_ENTRY} changed after signing, signature files kept */
    static Path tampered() throws Exception {
        Path to = workFolder("trust-jar").resolve("tampered.jar");
        try (JarFile jar = new JarFile(Bundles.jar("itest-signed-plugin").toFile(), false);
                OutputStream file = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry e : Collections.list(jar.entries())) {
                out.putNextEntry(new JarEntry(e.getName()));
                if (e.getName().equals(TAMPERED_ENTRY)) {
                    out.write("tampered".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = jar.getInputStream(e)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return to;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Path copy(Path jar) throws IOException, Exception {
        return Files.copy(jar, workFolder("trust-jar").resolve(jar.getFileName()));
    }
}
