package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.apache.felix.fileinstall.ArtifactTransformer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hands File Install the plugin bundle jars of the watched folders only once
 * they are complete. File Install's own handler cannot read a jar that is
 * being copied over an installed one and uninstalls that plugin meanwhile;
 * this one, asked first, waits (bounded) until the file stops changing and
 * reads as a bundle, and leaves the file where it is.
 */
@Component(service = ArtifactTransformer.class)
public final class SettledJarTransformer implements ArtifactTransformer {
    /** How long a jar may take to settle before File Install is told it cannot be used. */
    static final Duration LIMIT = Duration.ofSeconds(5);
    private static final long STEP_MILLIS = 100;

    private final BundleContext context;
    private final PluginFolders folders;

    /**
     * @param context the runtime bundle's context
     * @param folders the plugin folders
     */
    @Activate
    public SettledJarTransformer(BundleContext context, @Reference PluginFolders folders) {
        this.context = context;
        this.folders = folders;
    }

    /** A bundle jar in a plugin folder, or a file an installed plugin came from, whatever it holds now. */
    @Override
    public boolean canHandle(File artifact) {
        Path jar = artifact.toPath().toAbsolutePath().normalize();
        if (!artifact.getName().toLowerCase(Locale.ROOT).endsWith(".jar") || !artifact.isFile()
                || !folders.inFolder(jar)) {
            return false;
        }
        return BundleIdentity.of(jar).isPresent() || Arrays.stream(context.getBundles())
                .anyMatch(b -> jar.equals(PluginFolders.file(b.getLocation())));
    }

    /**
     * @return the file itself once settled, or {@code null} (File Install's "cannot") when it does not settle
     *         or is a copy of a bundle installed from another file: File Install would update that bundle with
     *         this file and uninstall it when this file goes
     */
    @Override
    public File transform(File artifact, File tmpDir) throws InterruptedException {
        Path jar = artifact.toPath().toAbsolutePath().normalize();
        if (!settled(jar)) {
            return null;
        }
        return BundleIdentity.of(jar).flatMap(id -> id.installedElsewhere(context, jar)).isPresent() ? null : artifact;
    }

    /**
     * A jar's central directory is written last, so a jar that reads as a
     * bundle is complete: it passes at once (a dropped plugin pays no delay).
     * Anything else is watched until it stops changing and reads as a bundle.
     */
    private static boolean settled(Path jar) throws InterruptedException {
        if (BundleIdentity.of(jar).isPresent()) {
            return true;
        }
        long end = System.nanoTime() + LIMIT.toNanos();
        long size = -1;
        FileTime modified = null;
        for (;;) {
            try {
                long nowSize = Files.size(jar);
                FileTime nowModified = Files.getLastModifiedTime(jar);
                if (nowSize == size && nowModified.equals(modified) && BundleIdentity.of(jar).isPresent()) {
                    return true;
                }
                size = nowSize;
                modified = nowModified;
            } catch (IOException e) {
                size = -1;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(STEP_MILLIS);
        }
    }
}
