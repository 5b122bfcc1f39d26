package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
    @TempDir
    Path dir;

    @Test
    void parsesEveryOption() throws Exception {
        Options o = Options.parse("--plugins", "a", "--plugins", "b", "--etc", "e", "-c", "llm:plugins --json");
        assertEquals(List.of(Path.of("a"), Path.of("b")), o.plugins());
        assertEquals(Path.of("e"), o.etc());
        assertEquals("llm:plugins --json", o.command());
        assertTrue(Options.parse("--no-shell").noShell());
        assertTrue(Options.parse("--help").help());
    }

    @Test
    void badCommandLinesAreOneClearLine() {
        assertEquals("unknown option '-x' (see --help)", message("-x"));
        assertEquals("--plugins needs a value", message("--plugins"));
        assertEquals("-c needs a value", message("-c", ""));
        assertEquals("--etc given twice", message("--etc", "a", "--etc", "b"));
        assertEquals("-c and --no-shell exclude each other", message("-c", "x", "--no-shell"));
    }

    @Test
    void givenFoldersMustExistDefaultsAreCreated() throws Exception {
        Path missing = dir.resolve("nope");
        Options.UsageException e = assertThrows(Options.UsageException.class,
                () -> Options.parse("--plugins", missing.toString()).pluginFolders());
        assertEquals("--plugins " + missing + ": no such directory", e.getMessage());
        assertEquals(List.of(dir), Options.parse("--plugins", dir.toString()).pluginFolders());
        assertEquals(dir, Options.parse("--etc", dir.toString()).etcFolder());
    }

    private static String message(String... args) {
        return assertThrows(Options.UsageException.class, () -> Options.parse(args)).getMessage();
    }
}
