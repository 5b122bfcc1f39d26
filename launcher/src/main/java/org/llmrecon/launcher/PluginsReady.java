package org.llmrecon.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.ProviderFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Waits until the jars found in the plugin folders at the start are listed in
 * a state other than PENDING (and, when ACTIVE, their type is offered by the
 * factory). A jar whose manifest lists several provider types publishes one
 * plugin service per type, so it counts once that many are listed, or once
 * one of them FAILED.
 * <p>
 * The plugin manager's listing is the answer, but it evaluates every plugin:
 * it is asked once the cheap signs say the jars are done (each has an ACTIVE
 * bundle and the factory offers the types its manifest names), and otherwise
 * at most every {@link FrameworkEvents#RECHECK}, which covers the plugins that
 * fail, are refused or name no type.
 */
final class PluginsReady {
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final String PROVIDER_TYPE = "LLMrecon-Provider-Type";
    private final List<Path> jars;
    private final Map<Path, List<String>> declaredTypes = new HashMap<>();
    private final BundleContext context;
    private final Supplier<PluginManager> manager;
    private final Supplier<ProviderFactory> factory;
    private final Map<Path, Long> failingSince = new HashMap<>();
    private final FrameworkEvents events;
    private long listedAt = System.nanoTime();
    private List<Path> listed;
    private int listings;

    PluginsReady(BundleContext context, List<Path> folders, Supplier<PluginManager> manager,
            Supplier<ProviderFactory> factory) {
        this.context = context;
        this.events = new FrameworkEvents(context);
        this.jars = jars(folders);
        jars.forEach(j -> declaredTypes.put(j, typeNames(j)));
        this.listed = jars;
        this.manager = manager;
        this.factory = factory;
    }

    List<Path> await(Duration timeout) {
        List<Path> left = events.await(this::pending, timeout);
        Main.mark("plugins listed " + listings + " times");
        return left;
    }

    private List<Path> pending() {
        long now = System.nanoTime();
        if (now - listedAt < FrameworkEvents.RECHECK.toNanos() && !looksDone()) {
            return listed;
        }
        listedAt = now;
        listings++;
        listed = listing(now);
        return listed;
    }

    /** @return whether every jar has an ACTIVE bundle and the factory offers every type its manifest names */
    private boolean looksDone() {
        Map<Path, Integer> states = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            Path file = file(b.getLocation());
            if (file != null) {
                states.put(file, b.getState());
            }
        }
        Set<String> offered = null;
        for (Path jar : jars) {
            if (states.getOrDefault(jar, Bundle.UNINSTALLED) != Bundle.ACTIVE) {
                return false;
            }
            List<String> types = declaredTypes.get(jar);
            if (!types.isEmpty()) {
                offered = offered == null ? factory.get().providerTypes() : offered;
                if (!offered.containsAll(types)) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<Path> listing(long now) {
        Map<Path, Integer> ready = new HashMap<>();
        Set<Path> waiting = new HashSet<>();
        Set<Path> failed = new HashSet<>();
        Set<String> offered = factory.get().providerTypes();
        for (PluginInfo p : manager.get().plugins()) {
            Path file = file(p.location());
            if (file == null) {
                continue;
            }
            // an active plugin counts once the factory offers its type too
            if (p.state() != PluginState.PENDING
                    && (p.state() != PluginState.ACTIVE || offered.contains(p.providerType()))
                    && settled(file, p, now)) {
                ready.merge(file, 1, Integer::sum);
                if (p.state() == PluginState.FAILED) {
                    failed.add(file);
                }
            } else {
                waiting.add(file);
            }
        }
        return jars.stream().filter(j -> waiting.contains(j) || !ready.containsKey(j)
                || (!failed.contains(j) && ready.get(j) < Math.max(1, declaredTypes.get(j).size())))
                .filter(Files::exists).toList();
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

    /** @return the provider types the jar's manifest lists (comma separated); none for a jar that names none */
    static List<String> typeNames(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(PROVIDER_TYPE);
            return header == null ? List.of() : Arrays.stream(header.split(",")).map(String::trim)
                    .filter(t -> !t.isEmpty()).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
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
