package org.llmrecon.runtime.internal.folders;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns file-system events in folders (inotify on Linux) into wake-ups of
 * File Install's scanners. File Install reports a file once two scans in a
 * row see it unchanged, and a wake-up that comes while a scanner is busy is
 * lost; so after each event the scanners are woken again and again: every
 * {@code step} at first, then at half the time since the event (a loaded
 * machine gets later wake-ups, not fewer scans), until {@code window} has
 * passed without another event. Between bursts the thread blocks and costs
 * nothing.
 */
final class FolderEvents implements AutoCloseable {
    private final WatchService service;
    private final List<Path> watched = new ArrayList<>();
    private final Runnable wake;
    private final long stepNanos;
    private final long windowNanos;
    private final Thread thread;

    /**
     * @param folders the folders to watch; one that cannot be watched is left out (see {@link #watches}), and
     *     all are when the platform has no watch service left (Linux limits inotify instances per user)
     * @param wake wakes the scanners; called on this object's thread only
     */
    FolderEvents(List<Path> folders, Runnable wake, Duration step, Duration window) {
        this.service = newWatchService();
        this.wake = wake;
        this.stepNanos = step.toNanos();
        this.windowNanos = window.toNanos();
        for (Path folder : service == null ? List.<Path>of() : folders) {
            try {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                watched.add(folder);
            } catch (IOException | UnsupportedOperationException e) {
                // a folder that does not exist yet, or a file system without events: File Install's poll covers it
            }
        }
        thread = new Thread(this::run, "llmrecon-folder-events");
        thread.setDaemon(true);
        if (!watched.isEmpty()) {
            thread.start();
        }
    }

    private static WatchService newWatchService() {
        try {
            return FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** @return whether events arrive for this folder, so its poll is only a fallback */
    boolean watches(Path folder) {
        return watched.contains(folder);
    }

    @Override
    public void close() {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (IOException e) {
            // the thread ends on the closed service either way
        }
        thread.interrupt();
    }

    private void run() {
        long lastEvent = System.nanoTime() - windowNanos;
        try {
            for (;;) {
                long since = System.nanoTime() - lastEvent;
                WatchKey key = since < windowNanos
                        ? service.poll(Math.max(stepNanos, since / 2), TimeUnit.NANOSECONDS)
                        : service.take();
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                    lastEvent = System.nanoTime();
                }
                wake.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }
}
