package org.llmrecon.runtime.internal.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Reads the metadata sources of a plugin jar on disk, without installing it
 * (as {@code llm:validate PATH} needs): the sidecar beside it, then
 * {@link MetadataJson#BUNDLE_ENTRY} inside it, then its manifest, each only
 * when present. The plugin service's own metadata can only be had from a
 * running plugin; the caller appends it.
 */
public final class JarMetadata {

    private JarMetadata() {
    }

    /**
     * @param jar the plugin file
     * @return the sources found, highest precedence first, ready for {@link MetadataMerger}
     * @throws MetadataException when the jar or one of its metadata sources cannot be read
     */
    public static List<MetadataSource> sources(Path jar) throws MetadataException {
        if (Files.isDirectory(jar)) {
            throw new MetadataException(jar.toString(), "is a directory, not a plugin jar");
        }
        if (!Files.exists(jar)) {
            throw new MetadataException(jar.toString(), "does not exist");
        }
        List<MetadataSource> sources = new ArrayList<>();
        Path sidecar = MetadataJson.sidecarOf(jar);
        if (Files.exists(sidecar)) {
            sources.add(MetadataSource.sidecar(sidecar, MetadataJson.parse(sidecar)));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(MetadataJson.BUNDLE_ENTRY);
            if (entry != null) {
                try (InputStream in = file.getInputStream(entry)) {
                    sources.add(new MetadataSource(MetadataSource.BUNDLE_JSON,
                            MetadataJson.parse(in, jar + "!/" + MetadataJson.BUNDLE_ENTRY)));
                }
            }
            Manifest manifest = file.getManifest();
            if (manifest != null) {
                sources.add(new MetadataSource(MetadataSource.BUNDLE_MANIFEST, ManifestMetadata.read(manifest)));
            }
        } catch (NoSuchFileException e) {
            throw new MetadataException(jar.toString(), "does not exist");
        } catch (IOException | SecurityException e) {
            String reason = e instanceof IOException io ? MetadataJson.reason(io) : DisplayText.escapeAll(e.toString());
            throw new MetadataException(jar.toString(), -1, -1, "is not a readable jar: " + reason, e);
        }
        return SharedBundle.narrow(sources, null);
    }
}
