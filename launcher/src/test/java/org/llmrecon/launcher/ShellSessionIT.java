package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands piped on standard input, while plugins come and go. */
class ShellSessionIT {
    @TempDir
    Path work;

    @Test
    void endOfInputEndsCleanlyAndAFailedLineGivesExitCode1() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work)) {
            p.send("llm:dirs");
            p.send("llm:plugin nope");
            p.send("llm:plugins");
            p.endInput();
            assertEquals(1, p.exitCode());
            assertEquals(java.util.List.of("error: no plugin named 'nope'"), p.err());
            assertTrue(p.out().contains("no plugins"), p.out().toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work)) {
            p.send("llm:plugins");
            p.endInput();
            assertEquals(0, p.exitCode(), p.err().toString());
        }
    }

    @Test
    void pluginDroppedInAndRemovedWhileTheSessionRuns() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (LauncherProcess p = LauncherProcess.start(work)) {
            p.send("llm:plugins");
            p.awaitLine("no plugins"::equals, "'no plugins'");

            Path staged = Files.copy(Fixtures.template(), work.resolve("mock.jar.part"));
            Path jar = Files.move(staged, plugins.resolve("mock.jar"), StandardCopyOption.ATOMIC_MOVE);
            poll(p, "llm:providers", l -> l.startsWith("mock ") && l.contains("ACTIVE"), "mock offered");

            p.clearOutput();
            p.send("llm:chat mock dropped in");
            p.awaitLine(l -> l.contains("dropped in"), "with the answer");

            Files.delete(jar);
            poll(p, "llm:plugins", "no plugins"::equals, "the plugin gone");
            p.clearOutput();
            p.send("llm:providers");
            p.awaitLine("no providers"::equals, "'no providers'");
            p.endInput();
            assertEquals(0, p.exitCode(), p.err().toString());
        }
    }

    /** Sends a command until a line of its output matches (each answer ends with the marker line). */
    private static void poll(LauncherProcess p, String command, java.util.function.Predicate<String> which,
            String what) throws Exception {
        long deadline = System.nanoTime() + LauncherProcess.DEADLINE.toNanos();
        int round = 0;
        while (System.nanoTime() < deadline) {
            p.clearOutput();
            String marker = "--end-" + round++ + "--";
            p.send(command);
            p.send("echo " + marker);
            p.awaitLine(marker::equals, marker);
            if (p.out().stream().anyMatch(which)) {
                return;
            }
        }
        throw new AssertionError(what + ": not seen within " + LauncherProcess.DEADLINE + "; last: " + p.out());
    }
}
