package org.llmrecon.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.metadata.MetadataException;
import org.llmrecon.runtime.internal.metadata.MetadataJson;
import org.llmrecon.runtime.internal.metadata.MetadataSource;
import org.osgi.framework.Bundle;

/**
 * Collects a plugin's metadata sources, highest precedence first: the
 * sidecar beside its jar, JSON inside the bundle, the manifest, and what
 * the plugin's {@code getMetadata()} returned.
 */
final class MetadataReader {
    static final String BUNDLE_JSON = "META-INF/llmrecon/plugin.json";
    static final String MANIFEST = "bundle manifest";

    private MetadataReader() {
    }

    static List<MetadataSource> sources(Bundle bundle, PluginMetadata fromService) throws MetadataException {
        List<MetadataSource> sources = new ArrayList<>();
        Path jar = PluginFolders.file(bundle.getLocation());
        if (jar != null) {
            addSidecar(jar, sources);
        }
        URL json = bundle.getEntry(BUNDLE_JSON);
        if (json != null) {
            String name = bundle.getSymbolicName() + "!/" + BUNDLE_JSON;
            try (InputStream in = json.openStream()) {
                sources.add(new MetadataSource(BUNDLE_JSON, MetadataJson.parse(in, name)));
            } catch (IOException e) {
                throw new MetadataException(name + ": cannot be read: " + e.getMessage());
            }
        }
        sources.add(new MetadataSource(MANIFEST, ManifestMetadata.read(headers(bundle))));
        if (fromService != null) {
            sources.add(new MetadataSource("getMetadata()", fromService));
        }
        return sources;
    }

    static List<MetadataSource> sources(Path jar, JarFile file) throws MetadataException {
        List<MetadataSource> sources = new ArrayList<>();
        addSidecar(jar, sources);
        ZipEntry json = file.getEntry(BUNDLE_JSON);
        if (json != null) {
            String name = jar.getFileName() + "!/" + BUNDLE_JSON;
            try (InputStream in = file.getInputStream(json)) {
                sources.add(new MetadataSource(BUNDLE_JSON, MetadataJson.parse(in, name)));
            } catch (IOException e) {
                throw new MetadataException(name + ": cannot be read: " + e.getMessage());
            }
        }
        try {
            if (file.getManifest() != null) {
                sources.add(new MetadataSource(MANIFEST, ManifestMetadata.read(file.getManifest())));
            }
        } catch (IOException e) {
            throw new MetadataException(jar + ": the manifest cannot be read: " + e.getMessage());
        }
        return sources;
    }

    private static void addSidecar(Path jar, List<MetadataSource> sources) throws MetadataException {
        Path sidecar = PluginFolders.sidecar(jar);
        if (Files.isRegularFile(sidecar)) {
            sources.add(new MetadataSource("sidecar " + sidecar, MetadataJson.parse(sidecar)));
        }
    }

    private static Map<String, String> headers(Bundle bundle) {
        Dictionary<String, String> raw = bundle.getHeaders("");
        Map<String, String> headers = new HashMap<>();
        for (Enumeration<String> keys = raw.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            headers.put(k, raw.get(k));
        }
        return headers;
    }
}
