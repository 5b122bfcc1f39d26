package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsReadyTest {
    @TempDir
    Path dir;

    private Path jar(String types) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (types != null) {
            manifest.getMainAttributes().putValue("LLMrecon-Provider-Type", types);
        }
        Path jar = dir.resolve("p" + Files.list(dir).count() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }

    @Test
    void aJarCountsOnePluginPerTypeItsManifestLists() throws IOException {
        assertEquals(List.of("openai", "azure-openai"), PluginsReady.typeNames(jar("openai, azure-openai")));
        assertEquals(List.of("openai"), PluginsReady.typeNames(jar("openai")));
        assertEquals(List.of(), PluginsReady.typeNames(jar(null)));
        assertEquals(List.of(), PluginsReady.typeNames(jar(" , ")));
        Path notAJar = Files.writeString(dir.resolve("x.jar"), "not a jar");
        assertEquals(List.of(), PluginsReady.typeNames(notAJar));
    }
}
