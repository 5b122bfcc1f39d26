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
    void httpIsPortOrHostAndPortOnLoopbackByDefault() throws Exception {
        assertEquals(new HttpAddress("127.0.0.1", 8080), Options.parse("--http", "8080").http());
        assertEquals(new HttpAddress("0.0.0.0", 0), Options.parse("--http", "0.0.0.0:0").http());
        assertEquals(new HttpAddress("::1", 9000), Options.parse("--http", "[::1]:9000").http());
        assertTrue(Options.parse("--http", "8080").http().loopback());
        assertEquals("http://[::1]:9000", Options.parse("--http", "[::1]:9000").http().url(9000));
        assertEquals(null, Options.parse("--no-shell").http());
        assertEquals("--http host:: 'host:' is not [HOST:]PORT", message("--http", "host:"));
        assertEquals("--http 70000: port 70000 is not between 0 and 65535", message("--http", "70000"));
        assertEquals("--http :80: no host", message("--http", ":80"));
        assertEquals("--http given twice", message("--http", "1", "--http", "2"));
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
