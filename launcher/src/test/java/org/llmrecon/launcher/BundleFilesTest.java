package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFilesTest {
    @TempDir
    Path dir;

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    private static byte[] bytes(String s) {
        return s.repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anEntryIsWrittenOnceAndUsedAgainWhileItsContentIsTheEntrys() throws IOException {
        byte[] v1 = bytes("one");
        AtomicInteger opened = new AtomicInteger();
        BundleFiles cache = BundleFiles.in(dir.resolve("bundles"));
        Path file = cache.file("a-1.0.jar", crc(v1), v1.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(v1);
        });
        assertNotNull(file);
        assertArrayEquals(v1, Files.readAllBytes(file));
        assertEquals(file, BundleFiles.in(dir.resolve("bundles")).file("a-1.0.jar", crc(v1), v1.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(v1);
        }));
        assertEquals(1, opened.get(), "read from the launcher once");

        // a launcher with other content for the same entry name uses a file of its own
        byte[] v2 = bytes("two");
        Path other = cache.file("a-1.0.jar", crc(v2), v2.length, () -> new ByteArrayInputStream(v2));
        assertTrue(!other.equals(file));
        assertArrayEquals(v2, Files.readAllBytes(other));
        assertArrayEquals(v1, Files.readAllBytes(file));
    }

    @Test
    void aFileChangedInTheCacheIsWrittenAgain() throws IOException {
        byte[] v1 = bytes("one");
        BundleFiles cache = BundleFiles.in(dir);
        Path file = cache.file("a.jar", crc(v1), v1.length, () -> new ByteArrayInputStream(v1));
        byte[] tampered = v1.clone();
        tampered[10] ^= 1;
        Files.write(file, tampered);
        assertEquals(file, cache.file("a.jar", crc(v1), v1.length, () -> new ByteArrayInputStream(v1)));
        assertArrayEquals(v1, Files.readAllBytes(file));
    }

    @Test
    void contentThatIsNotTheEntrysIsNotUsed() throws IOException {
        byte[] v1 = bytes("one");
        BundleFiles cache = BundleFiles.in(dir);
        assertNull(cache.file("a.jar", crc(v1) + 1, v1.length, () -> new ByteArrayInputStream(v1)));
        assertNull(cache.file("b.jar", crc(v1), v1.length, () -> {
            throw new IOException("cannot read");
        }));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no half-written or wrong file is left");
        }
    }

    @Test
    void launchersWritingTheSameEntryAtOnceAllGetTheWholeFile() throws Exception {
        byte[] v1 = bytes("0123456789abcdef");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                files.add(pool.submit(() -> {
                    go.await();
                    return BundleFiles.in(dir).file("a.jar", crc(v1), v1.length, () -> new ByteArrayInputStream(v1));
                }));
            }
            go.countDown();
            for (Future<Path> f : files) {
                Path file = f.get(60, TimeUnit.SECONDS);
                assertNotNull(file);
                assertArrayEquals(v1, Files.readAllBytes(file));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "one file, no part left behind");
        }
    }

    @Test
    void aLauncherThatWroteFilesDeletesOnlyOldOnesItDoesNotUse() throws IOException {
        Path old = Files.writeString(dir.resolve("x-1-3.jar"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(BundleFiles.KEEP).minusSeconds(60)));
        Path recent = Files.writeString(dir.resolve("y-1-3.jar"), "new");
        BundleFiles unchanged = BundleFiles.in(dir);
        unchanged.prune(Set.of());
        assertTrue(Files.exists(old), "a launcher that wrote nothing deletes nothing");

        byte[] v1 = bytes("one");
        BundleFiles cache = BundleFiles.in(dir);
        Path used = cache.file("a.jar", crc(v1), v1.length, () -> new ByteArrayInputStream(v1));
        cache.prune(Set.of(used));
        assertTrue(Files.notExists(old));
        assertTrue(Files.exists(recent), "another launcher may use it");
        assertTrue(Files.exists(used));
    }
}
