package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.metadata.MetadataJson;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The one owner of the plugin folders ({@link RuntimeProperties#PLUGINS_DIRS}),
 * of how a bundle location maps to its file, and of the rule that says which
 * bundles are plugins: a bundle with an {@code LLMrecon-*} manifest header (a
 * plugin or a legacy declaration), one with a ServiceLoader file for
 * {@link PluginInterface}, or one installed from a plugin folder.
 */
@Component(service = PluginFolders.class)
public final class PluginFolders {
    private static final String HEADER_PREFIX = "llmrecon-";
    private static final String SERVICES = "META-INF/services/" + PluginInterface.class.getName();

    private final List<Path> folders;
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();

    /** A folder's jars and sidecars, as of the folder's modification time. */
    private record Listing(FileTime modified, List<Path> jars, List<Path> sidecars) {
    }

    /**
     * The plugin files of the folders.
     *
     * @param jars every {@code *.jar}, sorted
     * @param sidecars every {@code <jar>.metadata.json}, sorted
     */
    public record Contents(List<Path> jars, List<Path> sidecars) {
    }

    /** @param context where {@link RuntimeProperties#PLUGINS_DIRS} is read */
    @Activate
    public PluginFolders(BundleContext context) {
        this(FolderSettings.paths(context.getProperty(RuntimeProperties.PLUGINS_DIRS), File.pathSeparator));
    }

    /** @param folders the plugin folders, absolute and normalized */
    public PluginFolders(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** @return the folders watched for plugin jars */
    public List<Path> folders() {
        return folders;
    }

    /** @param file a file @return whether it lies directly in a plugin folder */
    public boolean inFolder(Path file) {
        return file != null && folders.contains(file.toAbsolutePath().normalize().getParent());
    }

    /**
     * A folder is listed again only when its modification time changed, which
     * a file added, removed or renamed in it changes; a jar rewritten in place
     * keeps its name, so the listing still holds.
     *
     * @return the jars and sidecars in the plugin folders
     */
    public Contents contents() {
        List<Path> jars = new ArrayList<>();
        List<Path> sidecars = new ArrayList<>();
        for (Path folder : folders) {
            Listing l = listing(folder);
            jars.addAll(l.jars());
            sidecars.addAll(l.sidecars());
        }
        return new Contents(jars, sidecars);
    }

    /** @param sidecar a {@code <jar>.metadata.json} file @return the jar it describes */
    public static Path jarOf(Path sidecar) {
        String name = sidecar.getFileName().toString();
        return sidecar.resolveSibling(name.substring(0, name.length() - MetadataJson.SIDECAR_SUFFIX.length()));
    }

    /** @param file a file @return whether it is named as a sidecar, {@code <jar>.metadata.json} */
    public static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(".jar" + MetadataJson.SIDECAR_SUFFIX);
    }

    private Listing listing(Path folder) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(folder);
        } catch (IOException e) {
            listings.remove(folder);
            return new Listing(null, List.of(), List.of());
        }
        Listing known = listings.get(folder);
        if (known != null && modified.equals(known.modified())) {
            return known;
        }
        List<Path> jars = new ArrayList<>();
        List<Path> sidecars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                Path f = p.toAbsolutePath().normalize();
                if (f.getFileName().toString().endsWith(".jar")) {
                    jars.add(f);
                } else if (isSidecar(f)) {
                    sidecars.add(f);
                }
            }
        } catch (IOException e) {
            return new Listing(null, List.of(), List.of());
        }
        jars.sort(null);
        sidecars.sort(null);
        Listing l = new Listing(modified, List.copyOf(jars), List.copyOf(sidecars));
        listings.put(folder, l);
        return l;
    }

    /** @param bundle an installed bundle @return whether it is a plugin by the rule above */
    public boolean isPlugin(Bundle bundle) {
        if (Collections.list(bundle.getHeaders("").keys()).stream()
                .anyMatch(k -> k.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX))) {
            return true;
        }
        return inFolder(file(bundle.getLocation())) || bundle.getEntry(SERVICES) != null;
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
