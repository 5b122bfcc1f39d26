package org.llmrecon.runtime.internal.legacy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.llmrecon.runtime.internal.legacy.fixture.EchoProvider;

/** Builds jars for tests: the compiled fixture classes, a manifest and text entries. */
public final class TestJars {
    static final String FIXTURES = EchoProvider.class.getPackageName();

    private TestJars() {
    }

    /**
     * @param jar the file to write
     * @param headers main manifest attributes, or {@code null} for a jar without a manifest
     * @param texts further entries by name
     */
    public static Path write(Path jar, Map<String, String> headers, Map<String, String> texts) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = headers == null ? new JarOutputStream(file)
                        : new JarOutputStream(file, manifest(headers))) {
            Path classes = classesRoot();
            Path pkg = classes.resolve(FIXTURES.replace('.', '/'));
            List<Path> files;
            try (Stream<Path> s = Files.list(pkg)) {
                files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path f : files) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            for (Map.Entry<String, String> t : texts.entrySet()) {
                out.putNextEntry(new JarEntry(t.getKey()));
                out.write(t.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    static Manifest manifest(Map<String, String> headers) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(m.getMainAttributes()::putValue);
        return m;
    }

    static String fixture(String simpleName) {
        return FIXTURES + "." + simpleName;
    }

    private static Path classesRoot() {
        try {
            return Path.of(EchoProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
