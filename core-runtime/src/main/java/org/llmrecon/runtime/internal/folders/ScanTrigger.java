package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.util.Hashtable;

import org.apache.felix.fileinstall.ArtifactTransformer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Makes File Install scan its folders now. File Install 3.7 offers no call
 * for it, but each of its watchers is woken when an artifact listener service
 * comes, goes or changes (to hand it the files it could not place). This
 * listener handles nothing; touching its service properties is the wake-up.
 */
final class ScanTrigger implements ArtifactTransformer, AutoCloseable {
    private final ServiceRegistration<ArtifactTransformer> registration;
    private final Hashtable<String, Object> properties = new Hashtable<>();

    ScanTrigger(BundleContext context) {
        properties.put("llmrecon.scan.trigger", Boolean.TRUE);
        registration = context.registerService(ArtifactTransformer.class, this, properties);
    }

    /** Wakes every File Install watcher; a no-op once closed or while the framework stops. */
    void scanNow() {
        try {
            registration.setProperties(properties);
        } catch (IllegalStateException e) {
            // unregistered: the runtime is stopping
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        return false;
    }

    @Override
    public File transform(File artifact, File tmpDir) {
        return null;
    }

    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
