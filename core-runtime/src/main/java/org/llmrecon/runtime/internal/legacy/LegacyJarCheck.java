package org.llmrecon.runtime.internal.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.runtime.internal.metadata.JarMetadata;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.metadata.MergedMetadata;
import org.llmrecon.runtime.internal.metadata.MetadataException;
import org.llmrecon.runtime.internal.metadata.MetadataMerger;
import org.llmrecon.runtime.internal.metadata.MetadataSource;
import org.llmrecon.runtime.internal.metadata.MetadataValidator;

/**
 * Checks a jar that is no OSGi bundle, without installing it, as it will be
 * deployed: wrapped by {@link PlainJarTransformer} when it declares legacy
 * providers, otherwise not at all. The metadata of each legacy provider is
 * its sidecar, bundle JSON and manifest over the legacy defaults; the check
 * carries the first provider's metadata and every provider's problems.
 * ServiceLoader plugins say their metadata only when running, so only their
 * class is looked for.
 */
public final class LegacyJarCheck {
    static final String DEFAULTS = "legacy defaults";

    private LegacyJarCheck() {
    }

    /**
     * @param file the jar
     * @param jar the jar, open
     * @param frameworkVersion the running framework version
     * @return the check
     * @throws IOException when the jar cannot be read
     * @throws MetadataException when a metadata source is malformed
     */
    public static PluginCheck check(Path file, JarFile jar, String frameworkVersion)
            throws IOException, MetadataException {
        String name = file.getFileName().toString();
        Manifest original = jar.getManifest();
        List<LegacyDeclaration> declarations = new ArrayList<>(LegacyDeclaration.parseHeader(
                original == null ? null : original.getMainAttributes().getValue(LegacyDeclaration.HEADER)));
        ZipEntry services = jar.getEntry(LegacyDeclaration.SERVICES);
        if (services != null) {
            try (InputStream in = jar.getInputStream(services)) {
                declarations.addAll(LegacyDeclaration.parseServices(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)));
            }
        }
        PluginMetadata fallback = PluginMetadata.builder().name(name).build();
        if (declarations.isEmpty()) {
            return new PluginCheck(file, fallback, List.of(name + ": not an OSGi bundle (no Bundle-SymbolicName) and"
                    + " declares no legacy provider (" + LegacyDeclaration.HEADER + " header or "
                    + LegacyDeclaration.SERVICES + ")"));
        }
        Manifest wrapped = PlainJarManifest.of(name, original);
        List<MetadataSource> sources = new ArrayList<>(JarMetadata.sources(file).stream()
                .filter(s -> !MetadataSource.BUNDLE_MANIFEST.equals(s.name())).toList());
        sources.add(new MetadataSource(MetadataSource.BUNDLE_MANIFEST, ManifestMetadata.read(wrapped)));
        String version = wrapped.getMainAttributes().getValue("Bundle-Version");
        PluginMetadata first = null;
        List<String> problems = new ArrayList<>();
        for (LegacyDeclaration d : declarations) {
            String entry = d.className().replace('.', '/') + ".class";
            if (d.problem() != null) {
                problems.add(name + ": " + d.problem());
            } else if (jar.getEntry(entry) == null) {
                problems.add(d.describe() + ": " + entry + " is not in " + name);
            }
            if (d.problem() != null || d.form() != LegacyDeclaration.Form.CONSTRUCTOR) {
                continue;
            }
            List<MetadataSource> all = new ArrayList<>(sources);
            all.add(new MetadataSource(DEFAULTS, LegacyPlugin.defaults(d, version)));
            MergedMetadata merged = MetadataMerger.merge(all);
            problems.addAll(merged.conflicts());
            problems.addAll(new MetadataValidator().validate(merged.metadata(), frameworkVersion));
            first = first == null ? merged.metadata() : first;
        }
        return new PluginCheck(file, first != null ? first : fallback, problems);
    }
}
