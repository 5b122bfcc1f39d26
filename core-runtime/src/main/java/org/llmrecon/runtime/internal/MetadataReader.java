package org.llmrecon.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.metadata.MetadataException;
import org.llmrecon.runtime.internal.metadata.MetadataJson;
import org.llmrecon.runtime.internal.metadata.MetadataSource;
import org.llmrecon.runtime.internal.metadata.SharedBundle;
import org.osgi.framework.Bundle;

/**
 * Collects an installed plugin's metadata sources, highest precedence first:
 * the sidecar beside its jar, JSON inside the bundle, the manifest, and what
 * the plugin's {@code getMetadata()} returned, narrowed to the plugin's own type when the bundle offers
 * several ({@link SharedBundle}). (A jar on disk is read by
 * {@link org.llmrecon.runtime.internal.metadata.JarMetadata}.)
 */
final class MetadataReader {
    private MetadataReader() {
    }

    static List<MetadataSource> sources(Bundle bundle, PluginMetadata fromService) throws MetadataException {
        List<MetadataSource> sources = new ArrayList<>();
        Path jar = PluginFolders.file(bundle.getLocation());
        if (jar != null) {
            Path sidecar = MetadataJson.sidecarOf(jar);
            if (Files.isRegularFile(sidecar)) {
                sources.add(MetadataSource.sidecar(sidecar, MetadataJson.parse(sidecar)));
            }
        }
        URL json = bundle.getEntry(MetadataJson.BUNDLE_ENTRY);
        if (json != null) {
            String name = bundle.getSymbolicName() + "!/" + MetadataJson.BUNDLE_ENTRY;
            try (InputStream in = json.openStream()) {
                sources.add(new MetadataSource(MetadataSource.BUNDLE_JSON, MetadataJson.parse(in, name)));
            } catch (IOException e) {
                throw new MetadataException(name, "cannot be read: " + e.getMessage());
            }
        }
        sources.add(new MetadataSource(MetadataSource.BUNDLE_MANIFEST, ManifestMetadata.read(bundle.getHeaders(""))));
        if (fromService != null) {
            sources.add(new MetadataSource(MetadataSource.SERVICE, fromService));
        }
        return SharedBundle.narrow(sources, fromService == null ? null : fromService.providerType());
    }
}
