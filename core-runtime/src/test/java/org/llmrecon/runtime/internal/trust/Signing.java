package org.llmrecon.runtime.internal.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Test jars, keys and signatures made with the JDK's own keytool and jarsigner. */
final class Signing {
    static final String PASSWORD = "itest-secret";

    private Signing() {
    }

    /** @return a jar with a manifest and two entries */
    static Path jar(Path file) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (String name : List.of("a/One.txt", "a/Two.txt")) {
                jar.putNextEntry(new JarEntry(name));
                jar.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    /** Generates a key pair with a self-signed certificate for {@code dname} in a new PKCS12 key store. */
    static Path keyStore(Path file, String alias, String dname) throws Exception {
        run(tool("keytool"), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", dname, "-validity", "3650", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        return file;
    }

    /** A trust store holding only the certificate of {@code alias} in {@code keys}. */
    static Path trustStore(Path keys, String alias, Path file) throws Exception {
        Path cert = file.resolveSibling(alias + ".cer");
        run(tool("keytool"), "-exportcert", "-alias", alias, "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        run(tool("keytool"), "-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-storetype",
                "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD);
        return file;
    }

    /** Signs {@code jar} in place with {@code alias} from {@code keys}. */
    static Path sign(Path jar, Path keys, String alias) throws Exception {
        run(tool("jarsigner"), "-keystore", keys.toString(), "-storepass", PASSWORD, jar.toString(), alias);
        return jar;
    }

    /** Copies a jar entry by entry, signature files included, replacing or adding {@code entry}. */
    static Path rewrite(Path from, Path to, String entry, String content) throws IOException {
        try (JarFile jar = new JarFile(from.toFile(), false); OutputStream file = Files.newOutputStream(to);
                JarOutputStream out = new JarOutputStream(file)) {
            List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
            boolean replaced = false;
            for (JarEntry e : entries) {
                out.putNextEntry(new JarEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    try (InputStream in = jar.getInputStream(e)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new JarEntry(entry));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return to;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command).replace(PASSWORD, "***") + " failed: " + output);
        }
    }
}
