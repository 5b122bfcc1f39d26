package org.llmrecon.runtime.internal.folders;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderEventsTest {
    @TempDir
    Path dir;

    @Test
    void aFileDroppedIntoAWatchedFolderWakesTheScannersAgainAndAgainThenTheyRest() throws Exception {
        Semaphore wakes = new Semaphore(0);
        try (FolderEvents events = new FolderEvents(List.of(dir), wakes::release, Duration.ofMillis(5),
                Duration.ofMillis(100))) {
            assertTrue(events.watches(dir));
            assertFalse(wakes.tryAcquire(), "no event, no wake-up");
            Files.writeString(dir.resolve("plugin.jar"), "x");
            // several wake-ups per event: one that comes while a scanner is busy is lost
            assertTrue(wakes.tryAcquire(3, 30, TimeUnit.SECONDS), "woken at least three times after a drop");
            Files.delete(dir.resolve("plugin.jar"));
            assertTrue(wakes.tryAcquire(3, 30, TimeUnit.SECONDS), "woken again after a delete");
        }
    }

    @Test
    void aFolderThatCannotBeWatchedIsLeftToThePoll() throws IOException {
        Path missing = dir.resolve("not-yet");
        try (FolderEvents events = new FolderEvents(List.of(missing, dir), () -> { }, Duration.ofMillis(5),
                Duration.ofMillis(100))) {
            assertFalse(events.watches(missing));
            assertTrue(events.watches(dir));
        }
    }
}
