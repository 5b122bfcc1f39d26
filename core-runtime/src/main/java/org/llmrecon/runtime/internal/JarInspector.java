package org.llmrecon.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.llmrecon.api.runtime.FrameworkInfo;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.runtime.internal.legacy.LegacyJarCheck;
import org.llmrecon.runtime.internal.metadata.JarMetadata;
import org.llmrecon.runtime.internal.metadata.MergedMetadata;
import org.llmrecon.runtime.internal.metadata.MetadataException;
import org.llmrecon.runtime.internal.metadata.MetadataMerger;
import org.llmrecon.runtime.internal.metadata.MetadataValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link PluginDiscovery}: reads a jar, its bundle JSON and its sidecar,
 * merges and validates the metadata, without installing anything.
 */
@Component
public final class JarInspector implements PluginDiscovery {
    private final FrameworkInfo framework;
    private final PluginFolders folders;

    /**
     * @param framework the running framework
     * @param folders the plugin folders
     */
    @Activate
    public JarInspector(@Reference FrameworkInfo framework, @Reference PluginFolders folders) {
        this.framework = framework;
        this.folders = folders;
    }

    @Override
    public List<PluginCheck> discover() {
        return folders.contents().jars().stream().map(this::check).toList();
    }

    @Override
    public PluginCheck check(Path jar) {
        Path file = jar.toAbsolutePath().normalize();
        PluginMetadata fallback = PluginMetadata.builder().name(file.getFileName().toString()).build();
        if (!Files.isRegularFile(file)) {
            return new PluginCheck(file, fallback, List.of(file + ": no such file"));
        }
        try (JarFile jarFile = new JarFile(file.toFile())) {
            Manifest manifest = jarFile.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return LegacyJarCheck.check(file, jarFile, framework.version());
            }
            MergedMetadata merged = MetadataMerger.merge(JarMetadata.sources(file));
            List<String> problems = new ArrayList<>(merged.conflicts());
            problems.addAll(new MetadataValidator().validate(merged.metadata(), framework.version()));
            return new PluginCheck(file, merged.metadata(), problems);
        } catch (ZipException e) {
            return new PluginCheck(file, fallback, List.of(file.getFileName() + ": not a valid jar (" + e.getMessage()
                    + ")"));
        } catch (IOException e) {
            return new PluginCheck(file, fallback, List.of(file.getFileName() + ": cannot be read (" + e.getMessage()
                    + ")"));
        } catch (MetadataException e) {
            return new PluginCheck(file, fallback, List.of(e.getMessage()));
        }
    }
}
