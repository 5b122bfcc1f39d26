package org.llmrecon.gateway.internal.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginUploadTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void writesTheJarIntoTheFirstFolderAndLeavesNoPartFile() throws Exception {
        byte[] jar = {'P', 'K', 3, 4, 1, 2};
        Path written = PluginUpload.write(List.of(first, second), "echo-1.0.jar", new ByteArrayInputStream(jar));
        assertEquals(first.resolve("echo-1.0.jar"), written);
        assertArrayEquals(jar, Files.readAllBytes(written));
        try (var files = Files.list(first)) {
            assertEquals(List.of(written), files.toList());
        }
        assertEquals(0, second.toFile().list().length);
    }

    @Test
    void refusesANameThatLeavesTheFolderOrIsNotAJar() {
        for (String name : new String[] {"../evil.jar", "a/b.jar", "plugin.zip", ".hidden.jar", "", null}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> PluginUpload.write(List.of(first), name, InputStream.nullInputStream()), name);
            assertTrue(e.getMessage().startsWith("file: "), e.getMessage());
        }
        assertEquals(0, first.toFile().list().length);
    }

    @Test
    void refusesAnEmptyJarAndNoFolder() {
        var empty = assertThrows(IllegalArgumentException.class,
                () -> PluginUpload.write(List.of(first), "x.jar", InputStream.nullInputStream()));
        assertEquals("file: x.jar is empty", empty.getMessage());
        assertEquals(0, first.toFile().list().length);
        assertThrows(IllegalArgumentException.class,
                () -> PluginUpload.write(List.of(), "x.jar", new ByteArrayInputStream(new byte[1])));
    }
}
