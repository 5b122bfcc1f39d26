package org.llmrecon.runtime.internal;

import java.io.File;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hears File Install report a {@code <jar>.metadata.json} sidecar added,
 * changed or removed in a watched folder, and has that jar's plugin
 * re-evaluated.
 */
@Component(service = ArtifactInstaller.class)
public final class SidecarInstaller implements ArtifactInstaller {
    private final PluginTracker tracker;

    /** @param tracker the plugin tracker */
    @Activate
    public SidecarInstaller(@Reference PluginTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public boolean canHandle(File artifact) {
        return PluginFolders.isSidecar(artifact.toPath());
    }

    @Override
    public void install(File artifact) {
        changed(artifact);
    }

    @Override
    public void update(File artifact) {
        changed(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        changed(artifact);
    }

    private void changed(File sidecar) {
        tracker.sidecarChanged(PluginFolders.jarOf(sidecar.toPath().toAbsolutePath().normalize()));
    }
}
