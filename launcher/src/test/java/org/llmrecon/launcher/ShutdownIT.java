package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: SIGTERM ends the launcher even with a call in flight that would otherwise run for ten minutes. The
 * bound is {@link LlmRecon#STOP_GRACE} for the framework to stop, then the JVM is halted; the time it took is
 * printed, and the test only asserts that the process ended well before the call would have.
 */
class ShutdownIT {
    @TempDir
    Path work;

    @Test
    void sigtermEndsTheLauncherWithACallInFlight() throws Exception {
        Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), work.resolve("plugins/mock.jar"));
        Files.createDirectories(work.resolve("etc"));
        Files.writeString(work.resolve("etc/org.llmrecon.provider-mock.cfg"), "timeout=PT30M\nparam.latency=10m\n");
        try (LauncherProcess p = LauncherProcess.start(work, List.of("-Dllmrecon.timing=true"), "-c",
                "llm:chat mock \"never answered\"")) {
            p.awaitErrLine(l -> l.startsWith("[timing] ready"), "ready");
            long start = System.nanoTime();
            p.terminate();
            assertTrue(p.waitFor(LauncherProcess.DEADLINE), "still running after SIGTERM; err: " + p.err());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("ShutdownIT: SIGTERM with a call in flight ended the launcher in " + millis + " ms");
            assertFalse(String.join("\n", p.out()).contains("never answered"), "the call answered: " + p.out());
        }
    }
}
