package org.llmrecon.runtime.internal;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The watched plugin folders and how bundle locations map to files. */
public final class PluginFolders {
    /** Framework property: the plugin folders, separated by the platform's path separator. */
    static final String PROPERTY = "llmrecon.plugins.dirs";

    private PluginFolders() {
    }

    static List<Path> parse(String property) {
        if (property == null || property.isBlank()) {
            return List.of();
        }
        return Arrays.stream(property.split(File.pathSeparator)).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }

    /** @return the file a bundle was installed from, or {@code null} when its location is not a file */
    public static Path file(String location) {
        if (location == null) {
            return null;
        }
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        try {
            if (l.startsWith("file:")) {
                return Path.of(URI.create(l)).toAbsolutePath().normalize();
            }
            if (l.startsWith("/")) {
                return Path.of(l).toAbsolutePath().normalize();
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
