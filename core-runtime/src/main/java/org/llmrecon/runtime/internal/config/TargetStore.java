package org.llmrecon.runtime.internal.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.llmrecon.api.provider.Secret;
import org.llmrecon.api.runtime.ConfigVersion;
import org.llmrecon.api.runtime.Secrets;

/**
 * What the runtime stores for targets in the configuration folder: each
 * target's file, written whole with its secrets sealed, and its kept
 * versions. A write that would store a value nobody can decrypt, or follow a
 * corrupted history, is refused before anything is written.
 */
final class TargetStore {
    private final TargetFiles files;
    private final ConfigHistory history;
    private final Secrets secrets;

    TargetStore(TargetFiles files, Secrets secrets) {
        this.files = files;
        this.history = files.enabled() ? new ConfigHistory(files.folder()) : null;
        this.secrets = secrets;
    }

    boolean enabled() {
        return files.enabled();
    }

    TargetFiles files() {
        return files;
    }

    /** @return the values in the target's file, secrets as stored */
    Map<String, String> stored(String target) {
        return files.read(target);
    }

    /**
     * Writes the target's values and keeps the version; empty values delete the file.
     *
     * @param before what the file held
     * @return the values written, secrets sealed
     * @throws IllegalArgumentException as one line, when nothing was written
     */
    Map<String, String> save(String target, Map<String, String> before, Map<String, String> next, String change) {
        if (files.json(target)) {
            throw new IllegalArgumentException("target '" + target + "' is configured by the JSON file "
                    + files.folder().resolve(TargetFiles.PREFIX + target + ".json")
                    + ", which the runtime does not rewrite: change it there");
        }
        Map<String, String> sealed = seal(next);
        opens(target, sealed);
        List<ConfigHistory.Version> versions = history.versions(target);
        try {
            if (versions.isEmpty() && !before.isEmpty()) {
                history.add(target, "as found", seal(before));
            }
            if (sealed.isEmpty()) {
                files.delete(target);
            } else {
                files.write(target, sealed);
            }
            history.add(target, change, sealed);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the configuration of target '" + target + "' to "
                    + files.folder() + ": " + e.getMessage());
        }
        return sealed;
    }

    /** @return the kept versions, secrets masked, with the keys each changed */
    List<ConfigVersion> history(String target) {
        List<ConfigVersion> shown = new ArrayList<>();
        Map<String, String> previous = Map.of();
        for (ConfigHistory.Version v : history.versions(target)) {
            Set<String> changed = new HashSet<>(v.values().keySet());
            changed.addAll(previous.keySet());
            Map<String, String> p = previous;
            changed.removeIf(k -> Objects.equals(p.get(k), v.values().get(k)));
            shown.add(new ConfigVersion(v.number(), v.time(), v.change(), changed, masked(v.values())));
            previous = v.values();
        }
        return shown;
    }

    /**
     * @param version a kept version's number, or 0 for the one before the last
     * @return its values as stored
     * @throws IllegalArgumentException when there is no such version, or the history cannot be read
     */
    Map<String, String> version(String target, int version) {
        List<ConfigHistory.Version> versions = history.versions(target);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("target '" + target + "' has no kept versions");
        }
        if (version == 0) {
            if (versions.size() < 2) {
                throw new IllegalArgumentException("target '" + target + "' has only one version, "
                        + versions.get(0).number());
            }
            return versions.get(versions.size() - 2).values();
        }
        return versions.stream().filter(v -> v.number() == version).findFirst()
                .map(ConfigHistory.Version::values)
                .orElseThrow(() -> new IllegalArgumentException("target '" + target + "' has no version " + version
                        + " (kept: " + versions.get(0).number() + " to " + versions.get(versions.size() - 1).number()
                        + ")"));
    }

    /** @return the targets that have a file the runtime can rewrite */
    List<String> targetsWithFiles() {
        List<String> targets = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(files.folder(), TargetFiles.PREFIX + "*.cfg")) {
            for (Path p : d) {
                String n = p.getFileName().toString();
                targets.add(n.substring(TargetFiles.PREFIX.length(), n.length() - ".cfg".length()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(files.folder() + ": cannot be listed: " + e.getMessage());
        }
        return targets;
    }

    /** @return how many plain-text secrets the values hold */
    int plainSecrets(Map<String, String> values) {
        return (int) values.entrySet().stream()
                .filter(e -> ConfigKeys.secret(e.getKey()) && !e.getValue().isEmpty() && !secrets.sealed(e.getValue()))
                .count();
    }

    /** @return the values with sealed secrets opened */
    Map<String, String> open(String target, Map<String, String> values) {
        Map<String, String> open = new TreeMap<>(values);
        open.replaceAll((k, v) -> {
            if (!secrets.sealed(v)) {
                return v;
            }
            try {
                return secrets.open(v);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("target '" + target + "': " + k + ": " + e.getMessage());
            }
        });
        return open;
    }

    private Map<String, String> seal(Map<String, String> values) {
        Map<String, String> sealed = new TreeMap<>(values);
        sealed.replaceAll((k, v) -> {
            if (!ConfigKeys.secret(k) || v.isEmpty() || secrets.sealed(v)) {
                return v;
            }
            try {
                return secrets.seal(v);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage() + "; nothing was changed");
            }
        });
        return sealed;
    }

    private void opens(String target, Map<String, String> sealed) {
        try {
            open(target, sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; nothing was changed");
        }
    }

    private static Map<String, String> masked(Map<String, String> values) {
        Map<String, String> m = new TreeMap<>(values);
        m.replaceAll((k, v) -> ConfigKeys.secret(k) ? Secret.of(v).toString() : v);
        return m;
    }
}
