package org.llmrecon.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.llmrecon.api.plugin.PluginInfo;
import org.llmrecon.api.plugin.PluginManager;
import org.llmrecon.api.plugin.PluginState;

/** Waits until the jars found in the plugin folders at the start are listed in a state other than PENDING. */
final class PluginsReady {
    private final List<Path> jars;
    private final Supplier<PluginManager> manager;

    PluginsReady(List<Path> folders, Supplier<PluginManager> manager) {
        this.jars = jars(folders);
        this.manager = manager;
    }

    List<Path> await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> pending = pending();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            synchronized (this) {
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return pending;
                }
            }
            pending = pending();
        }
        return pending;
    }

    private List<Path> pending() {
        Set<Path> done = new HashSet<>();
        for (PluginInfo p : manager.get().plugins()) {
            Path file = file(p.location());
            if (file != null && p.state() != PluginState.PENDING) {
                done.add(file);
            }
        }
        return jars.stream().filter(j -> !done.contains(j) && Files.exists(j)).toList();
    }

    static Path file(String location) {
        if (location == null) {
            return null;
        }
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        try {
            return (l.startsWith("file:") ? Path.of(URI.create(l)) : Path.of(l)).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Path> jars(List<Path> folders) {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .map(f -> f.toAbsolutePath().normalize()).forEach(found::add);
            } catch (IOException e) {
                // an unreadable folder holds nothing to wait for
            }
        }
        return found;
    }
}
