package org.llmrecon.runtime.internal.trust;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.llmrecon.runtime.internal.PluginFolders;
import org.osgi.framework.Bundle;

/**
 * Which bundles are plugins, whose jars the policy checks: a bundle with an
 * {@code LLMrecon-*} manifest header (a plugin or a legacy declaration), one
 * with a ServiceLoader file for {@code PluginInterface}, or one installed
 * from a watched plugin folder. Locations map to files as the runtime's
 * {@code PluginFolders} maps them.
 */
final class PluginBundles {
    private static final String HEADER_PREFIX = "llmrecon-";
    private static final String SERVICES = "META-INF/services/org.llmrecon.api.plugin.PluginInterface";

    private final List<Path> folders;

    /** @param folders the value of {@code llmrecon.plugins.dirs}, or {@code null} */
    PluginBundles(String folders) {
        this.folders = folders == null || folders.isBlank() ? List.of()
                : Arrays.stream(folders.split(File.pathSeparator)).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }

    boolean isPlugin(Bundle bundle) {
        if (Collections.list(bundle.getHeaders("").keys()).stream()
                .anyMatch(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith(HEADER_PREFIX))) {
            return true;
        }
        Path file = PluginFolders.file(bundle.getLocation());
        return file != null && folders.contains(file.getParent()) || bundle.getEntry(SERVICES) != null;
    }
}
