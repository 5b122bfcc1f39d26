package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.llmrecon.runtime.internal.config.JsonSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies {@code *.json} files of the configuration folder: File Install 3.7.4
 * handles only {@code .cfg} and {@code .config} itself. Each target in a
 * file becomes a factory configuration of {@code org.llmrecon.provider} named
 * after the file and the target (its {@code type} key, if any, kept); changing the file updates them, deleting it
 * deletes them.
 */
@Component(service = ArtifactInstaller.class)
public final class JsonConfigInstaller implements ArtifactInstaller {
    static final String PROVIDER_PID = "org.llmrecon.provider";
    static final String SOURCE = "llmrecon.etc.file";

    private final ConfigurationAdmin admin;
    private final WatchedFolders folders;

    /** @param admin Config Admin @param folders the watched folders */
    @Activate
    public JsonConfigInstaller(@Reference ConfigurationAdmin admin, @Reference WatchedFolders folders) {
        this.admin = admin;
        this.folders = folders;
    }

    @Override
    public boolean canHandle(File artifact) {
        Path etc = folders.etcFolder();
        return etc != null && artifact.getName().endsWith(".json")
                && etc.equals(artifact.toPath().toAbsolutePath().normalize().getParent());
    }

    @Override
    public void install(File artifact) throws IOException {
        apply(artifact);
    }

    @Override
    public void update(File artifact) throws IOException {
        apply(artifact);
    }

    @Override
    public void uninstall(File artifact) throws IOException {
        for (Configuration c : existing(artifact)) {
            c.delete();
        }
    }

    private void apply(File artifact) throws IOException {
        Map<String, Map<String, String>> types = JsonSettings.read(artifact);
        String source = artifact.toPath().toAbsolutePath().normalize().toString();
        Set<String> kept = new HashSet<>();
        for (Map.Entry<String, Map<String, String>> t : types.entrySet()) {
            Hashtable<String, Object> props = new Hashtable<>(t.getValue());
            props.put("target", t.getKey());
            props.put(SOURCE, source);
            Configuration c = admin.getFactoryConfiguration(PROVIDER_PID,
                    "json-" + artifact.getName().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + t.getKey(), "?");
            c.updateIfDifferent(props);
            kept.add(c.getPid());
        }
        for (Configuration c : existing(artifact)) {
            if (!kept.contains(c.getPid())) {
                c.delete();
            }
        }
    }

    private Configuration[] existing(File artifact) throws IOException {
        String source = artifact.toPath().toAbsolutePath().normalize().toString();
        try {
            Configuration[] found = admin.listConfigurations("(&(service.factoryPid=" + PROVIDER_PID + ")(" + SOURCE
                    + "=" + escape(source) + "))");
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IOException(artifact + ": " + e.getMessage(), e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
