package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainJarTransformerTest {
    private final PlainJarTransformer transformer = new PlainJarTransformer();

    @TempDir
    Path dir;

    @Test
    void handlesOnlyPlainJarsThatDeclareLegacyProviders() throws IOException {
        Path header = TestJars.write(dir.resolve("header.jar"),
                Map.of("LLMrecon-Legacy-Provider", "echo=" + TestJars.fixture("EchoProvider")), Map.of());
        Path services = TestJars.write(dir.resolve("services.jar"), null,
                Map.of(LegacyDeclaration.SERVICES, TestJars.fixture("EchoPlugin")));
        Path bundle = TestJars.write(dir.resolve("bundle.jar"), Map.of("Bundle-SymbolicName", "b",
                "LLMrecon-Legacy-Provider", "echo=" + TestJars.fixture("EchoProvider")), Map.of());
        Path library = TestJars.write(dir.resolve("library.jar"), Map.of("Implementation-Version", "1"), Map.of());
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        Path notJar = Files.copy(header, dir.resolve("header.zip"));
        assertTrue(transformer.canHandle(header.toFile()));
        assertTrue(transformer.canHandle(services.toFile()));
        assertFalse(transformer.canHandle(bundle.toFile()), "File Install installs bundles itself");
        assertFalse(transformer.canHandle(library.toFile()), "a jar with no legacy provider is no plugin");
        assertFalse(transformer.canHandle(broken.toFile()));
        assertFalse(transformer.canHandle(notJar.toFile()));
        assertFalse(transformer.canHandle(dir.resolve("missing.jar").toFile()));
    }

    @Test
    void theCopyIsABundleWithEveryEntryAndTheOriginalIsUntouched() throws Exception {
        Path jar = TestJars.write(dir.resolve("echo.jar"), Map.of("Implementation-Version", "3.1",
                "LLMrecon-Legacy-Provider", "echo=" + TestJars.fixture("EchoProvider")),
                Map.of("META-INF/ECHO.SF", "signature", "META-INF/ECHO.RSA", "key", "README.txt", "read me"));
        byte[] before = Files.readAllBytes(jar);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        Path wrapped = transformer.transform(jar.toFile(), tmp.toFile()).toPath();

        assertEquals(tmp.resolve("echo.jar"), wrapped);
        assertArrayEquals(before, Files.readAllBytes(jar));
        List<String> names = new ArrayList<>();
        Manifest m;
        try (InputStream in = Files.newInputStream(wrapped); JarInputStream jin = new JarInputStream(in)) {
            m = jin.getManifest();
            for (JarEntry e = jin.getNextJarEntry(); e != null; e = jin.getNextJarEntry()) {
                names.add(e.getName());
            }
        }
        assertNotNull(m, "File Install reads the manifest as the first entries");
        assertEquals("legacy.echo", m.getMainAttributes().getValue("Bundle-SymbolicName"));
        assertEquals("3.1.0", m.getMainAttributes().getValue("Bundle-Version"));
        assertTrue(names.contains("README.txt"));
        assertTrue(names.contains(TestJars.FIXTURES.replace('.', '/') + "/EchoProvider.class"));
        assertFalse(names.contains("META-INF/ECHO.SF"), "signatures no longer match the new manifest");
        assertFalse(names.contains("META-INF/ECHO.RSA"));
        assertFalse(names.contains("META-INF/MANIFEST.MF"), "only the new manifest, read by JarInputStream itself");
    }
}
