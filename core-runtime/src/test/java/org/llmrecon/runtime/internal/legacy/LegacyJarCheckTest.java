package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.PluginCheck;

class LegacyJarCheckTest {
    @TempDir
    Path dir;

    private static PluginCheck check(Path jar) throws Exception {
        try (JarFile f = new JarFile(jar.toFile())) {
            return LegacyJarCheck.check(jar, f, "1.0.0");
        }
    }

    @Test
    void aPlainLegacyJarChecksWithDefaultMetadataUnderItsSidecar() throws Exception {
        Path jar = TestJars.write(dir.resolve("echo.jar"), Map.of("Implementation-Version", "1.4",
                LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider")), Map.of());
        PluginCheck plain = check(jar);
        assertEquals(List.of(), plain.problems());
        assertEquals("echo", plain.metadata().name());
        assertEquals("echo", plain.metadata().providerType());
        assertEquals("1.4.0", plain.metadata().version());

        Files.writeString(dir.resolve("echo.jar.metadata.json"),
                "{\"name\": \"Echo\", \"author\": \"Ann\", \"supported_models\": [\"echo-1\"]}");
        PluginCheck withSidecar = check(jar);
        assertEquals(List.of(), withSidecar.problems());
        assertEquals("Echo", withSidecar.metadata().name());
        assertEquals("Ann", withSidecar.metadata().author());
        assertEquals(List.of("echo-1"), withSidecar.metadata().supportedModels());
        assertEquals("1.4.0", withSidecar.metadata().version());
    }

    @Test
    void everyProviderIsCheckedAndNamedInItsProblem() throws Exception {
        Path jar = TestJars.write(dir.resolve("several.jar"), Map.of(LegacyDeclaration.HEADER,
                "echo=" + TestJars.fixture("EchoProvider") + ", gone=com.example.Gone, Bad=x.Y"),
                Map.of(LegacyDeclaration.SERVICES, "com.example.Plugin\n" + TestJars.fixture("EchoPlugin")));
        PluginCheck c = check(jar);
        assertEquals("echo", c.metadata().providerType());
        assertEquals(List.of("legacy provider 'gone' (com.example.Gone): com/example/Gone.class is not in several.jar",
                "several.jar: LLMrecon-Legacy-Provider entry 'Bad=x.Y': provider type 'Bad' does not match"
                        + " [a-z0-9][a-z0-9._-]{0,63}",
                "ServiceLoader plugin com.example.Plugin: com/example/Plugin.class is not in several.jar"),
                c.problems());
    }

    @Test
    void aTypeContradictingTheSidecarIsAConflict() throws Exception {
        Path jar = TestJars.write(dir.resolve("echo.jar"),
                Map.of(LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider")), Map.of());
        Files.writeString(dir.resolve("echo.jar.metadata.json"), "{\"provider_type\": \"other\"}");
        PluginCheck c = check(jar);
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).contains("'other'") && c.problems().get(0).contains("'echo'")
                && c.problems().get(0).contains("legacy defaults"), c.problems().get(0));
    }

    @Test
    void aPlainJarWithoutLegacyProvidersIsNoPlugin() throws Exception {
        Path jar = TestJars.write(dir.resolve("lib.jar"), Map.of("Implementation-Version", "1"), Map.of());
        assertEquals(List.of("lib.jar: not an OSGi bundle (no Bundle-SymbolicName) and declares no legacy provider"
                + " (LLMrecon-Legacy-Provider header or META-INF/services/org.llmrecon.api.plugin.PluginInterface)"),
                check(jar).problems());
    }
}
