package org.llmrecon.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, uninstalls and reloads plugin bundles by command, one at a time
 * (two reloads interleaved can leave a plugin stopped), and refreshes
 * packages after each so the old class loader can go. A jar uninstalled by
 * command is remembered until it changes, so the listing does not offer it
 * again as "not installed yet".
 */
final class BundleLifecycle {
    private final BundleContext context;
    private final Map<Path, FileTime> uninstalled = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();

    BundleLifecycle(BundleContext context) {
        this.context = context;
    }

    /** @param jar a plugin file @return the bundle installed and started (its start failure is listed, not thrown) */
    Bundle install(Path jar) {
        Path file = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        synchronized (lifecycle) {
            try {
                Bundle b = context.installBundle(file.toUri().toString());
                uninstalled.remove(file);
                try {
                    b.start();
                } catch (BundleException e) {
                    // listed with the resolver's reason
                }
                return b;
            } catch (BundleException e) {
                throw new IllegalArgumentException(file.getFileName() + ": cannot be installed: " + e.getMessage());
            }
        }
    }

    void uninstall(String name, Bundle b) {
        synchronized (lifecycle) {
            Path file = PluginFolders.file(b.getLocation());
            try {
                b.uninstall();
            } catch (BundleException e) {
                throw new IllegalArgumentException("plugin '" + name + "' cannot be uninstalled: " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("plugin '" + name + "' is no longer installed");
            }
            if (file != null && Files.isRegularFile(file)) {
                try {
                    uninstalled.put(file, Files.getLastModifiedTime(file));
                } catch (IOException e) {
                    // the file went away meanwhile; nothing to remember
                }
            }
            refresh(b);
        }
    }

    void reload(String name, Bundle b) {
        synchronized (lifecycle) {
            try {
                b.update();
            } catch (BundleException e) {
                throw new IllegalArgumentException("plugin '" + name + "' cannot be reloaded: " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("plugin '" + name + "' is no longer installed");
            }
            refresh(b);
        }
    }

    /** @param jar a file in a plugin folder @return whether the user uninstalled it and it has not changed since */
    boolean uninstalledByUser(Path jar) {
        FileTime at = uninstalled.get(jar);
        try {
            return at != null && at.equals(Files.getLastModifiedTime(jar));
        } catch (IOException e) {
            return false;
        }
    }

    /** Refreshes packages after an uninstall or update and waits (bounded) until the framework is done. */
    private void refresh(Bundle b) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> done.countDown());
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
