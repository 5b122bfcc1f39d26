package org.llmrecon.runtime.internal.metadata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.plugin.PluginMetadata;

class JarMetadataTest {

    @TempDir
    Path dir;

    @Test
    void readsSidecarThenBundleJsonThenManifest() throws Exception {
        Path jar = jar("mock.jar", "{\"provider_type\": \"mock\", \"version\": \"2.0.0\"}", "mock-bundle");
        Files.writeString(dir.resolve("mock.jar.metadata.json"), "{\"name\": \"Sidecar\", \"provider_type\": \"other\"}");

        List<MetadataSource> sources = JarMetadata.sources(jar);

        assertEquals(List.of("sidecar " + dir.resolve("mock.jar.metadata.json"), "META-INF/llmrecon/plugin.json",
                "bundle manifest"), sources.stream().map(MetadataSource::name).toList());
        assertEquals("Sidecar", sources.get(0).metadata().name());
        assertEquals("2.0.0", sources.get(1).metadata().version());
        assertEquals("mock-bundle", sources.get(2).metadata().providerType());
        MergedMetadata merged = MetadataMerger.merge(sources);
        assertEquals(List.of(
                "provider type conflict: sidecar " + dir.resolve("mock.jar.metadata.json")
                        + " says 'other' but META-INF/llmrecon/plugin.json says 'mock'",
                "provider type conflict: sidecar " + dir.resolve("mock.jar.metadata.json")
                        + " says 'other' but bundle manifest says 'mock-bundle'"),
                merged.conflicts());
    }

    @Test
    void aPlainJarGivesOnlyWhatItHas() throws Exception {
        Path jar = jar("plain.jar", null, null);
        List<MetadataSource> sources = JarMetadata.sources(jar);
        assertEquals(List.of(new MetadataSource("bundle manifest", PluginMetadata.EMPTY)), sources);
    }

    @Test
    void namesTheEntryInsideTheJarWhenItsJsonIsBad() throws Exception {
        Path jar = jar("bad.jar", "{\"tags\": \"x\"}", "bad");
        MetadataException e = assertThrows(MetadataException.class, () -> JarMetadata.sources(jar));
        assertEquals(jar + "!/META-INF/llmrecon/plugin.json: line 1, column 10: field 'tags' must be a list of"
                + " strings, found a string", e.getMessage());
    }

    @Test
    void aBadSidecarIsAnError() throws Exception {
        Path jar = jar("x.jar", null, "x");
        Files.writeString(dir.resolve("x.jar.metadata.json"), "");
        MetadataException e = assertThrows(MetadataException.class, () -> JarMetadata.sources(jar));
        assertEquals(dir.resolve("x.jar.metadata.json") + ": is empty; expected a JSON object", e.getMessage());
    }

    @Test
    void rejectsMissingDirectoryAndNonJarFiles() throws IOException {
        Path missing = dir.resolve("none.jar");
        assertEquals(missing + ": does not exist",
                assertThrows(MetadataException.class, () -> JarMetadata.sources(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a plugin jar",
                assertThrows(MetadataException.class, () -> JarMetadata.sources(dir)).getMessage());
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
        String message = assertThrows(MetadataException.class, () -> JarMetadata.sources(text)).getMessage();
        assertTrue(message.startsWith(text + ": is not a readable jar: ZipException"), message);
    }

    private Path jar(String name, String pluginJson, String providerType) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (providerType != null) {
            manifest.getMainAttributes().putValue(ManifestMetadata.PROVIDER_TYPE, providerType);
        }
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (pluginJson != null) {
                out.putNextEntry(new JarEntry(MetadataJson.BUNDLE_ENTRY));
                out.write(pluginJson.getBytes(UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
