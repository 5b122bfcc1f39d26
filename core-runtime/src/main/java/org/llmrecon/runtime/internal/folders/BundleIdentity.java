package org.llmrecon.runtime.internal.folders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * A jar's bundle symbolic name and version: the framework refuses a second
 * bundle with the same pair, so a copy of an installed plugin under another
 * file name is never installed and is reported as such.
 */
public record BundleIdentity(String symbolicName, Version version) {

    /** @param jar a file @return its identity, or empty when it is no readable bundle jar */
    /** @param jar a file @return its bundle identity, when it reads as a bundle */
    public static Optional<BundleIdentity> of(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new BundleIdentity(name.split(";")[0].trim(),
                    Version.parseVersion(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param jar the file with this identity
     * @return the installed bundle with this identity that came from another file: the one that keeps
     *         {@code jar} out. The bundle installed from {@code jar} itself is not one (it may have been
     *         installed a moment ago, while the caller was looking at the folder).
     */
    /** @return a bundle of this identity installed from another file */
    public Optional<Bundle> installedElsewhere(BundleContext context, Path jar) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()) && version.equals(b.getVersion())
                        && !jar.equals(PluginFolders.file(b.getLocation())))
                .findFirst();
    }

    /** @return why {@code jar} is not installed while {@code installed} has its identity, in one line */
    /** @return why the framework refuses {@code jar} */
    public String refusal(Path jar, Bundle installed) {
        Path from = PluginFolders.file(installed.getLocation());
        return jar.getFileName() + ": not installed: bundle " + symbolicName + " " + version
                + " is already installed from " + (from != null ? from : installed.getLocation());
    }
}
