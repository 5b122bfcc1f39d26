package org.llmrecon.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.ProviderFactory;
import org.osgi.framework.BundleContext;

/**
 * Waits until the jars found in the plugin folders at the start are listed in
 * a state other than PENDING (and, when ACTIVE, their type is offered by the
 * factory).
 */
final class PluginsReady {
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private final List<Path> jars;
    private final Supplier<PluginManager> manager;
    private final Supplier<ProviderFactory> factory;
    private final Map<Path, Long> failingSince = new HashMap<>();
    private final FrameworkEvents events;

    PluginsReady(BundleContext context, List<Path> folders, Supplier<PluginManager> manager,
            Supplier<ProviderFactory> factory) {
        this.events = new FrameworkEvents(context);
        this.jars = jars(folders);
        this.manager = manager;
        this.factory = factory;
    }

    List<Path> await(Duration timeout) {
        return events.await(this::pending, timeout);
    }

    private List<Path> pending() {
        long now = System.nanoTime();
        Set<Path> done = new HashSet<>();
        Set<String> offered = factory.get().providerTypes();
        for (PluginInfo p : manager.get().plugins()) {
            Path file = file(p.location());
            // an active plugin counts once the factory offers its type too
            if (file != null && p.state() != PluginState.PENDING
                    && (p.state() != PluginState.ACTIVE || offered.contains(p.providerType()))
                    && settled(file, p, now)) {
                done.add(file);
            }
        }
        return jars.stream().filter(j -> !done.contains(j) && Files.exists(j)).toList();
    }

    /**
     * An installed plugin listed FAILED may only be between its bundle's start
     * and its component's registration: it counts once it has stayed so for a while.
     */
    private boolean settled(Path file, PluginInfo p, long now) {
        if (p.state() != PluginState.FAILED || p.bundleId() < 0) {
            failingSince.remove(file);
            return true;
        }
        return now - failingSince.computeIfAbsent(file, f -> now) >= SETTLE.toNanos();
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
