package org.llmrecon.runtime.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.runtime.internal.diagnostics.LeakWatch;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.runtime.internal.trust.TrustGate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The {@link PluginManager}: the listing ({@link PluginListing}) and the
 * lifecycle commands ({@link BundleLifecycle}) behind one service.
 */
@Component
public final class BundlePluginManager implements PluginManager {
    private final BundleContext context;
    private final PluginFolders folders;
    private final PluginListing listing;
    private final BundleLifecycle lifecycle;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrustGate trust;

    /**
     * @param context the runtime bundle's context
     * @param tracker the plugin tracker
     * @param discovery checks jars that are not installed
     * @param folders the plugin folders
     * @param leaks the plugins whose class loader outlived them
     * @param calls knows the plugins that ignore interruption
     */
    @Activate
    public BundlePluginManager(BundleContext context, @Reference PluginTracker tracker,
            @Reference PluginDiscovery discovery, @Reference PluginFolders folders, @Reference LeakWatch leaks,
            @Reference PluginCalls calls) {
        this.context = context;
        this.folders = folders;
        this.listing = new PluginListing(context, tracker, discovery, folders, leaks, calls);
        this.lifecycle = new BundleLifecycle(context);
    }

    @Deactivate
    void deactivate() {
        listing.close();
    }

    @Override
    public List<PluginInfo> plugins() {
        return listing.plugins(scr, trust, lifecycle::uninstalledByUser);
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return plugins().stream().filter(p -> matches(p, name)).findFirst();
    }

    @Override
    public PluginInfo install(Path jar) {
        return info(lifecycle.install(jar));
    }

    @Override
    public void uninstall(String name) {
        lifecycle.uninstall(name, bundle(name));
    }

    @Override
    public PluginInfo reload(String name) {
        Bundle b = bundle(name);
        lifecycle.reload(name, b);
        return info(b);
    }

    @Override
    public List<Path> watchedFolders() {
        return folders.folders();
    }

    private PluginInfo info(Bundle b) {
        long id = b.getBundleId();
        return plugins().stream().filter(p -> p.bundleId() == id).findFirst()
                .orElseGet(() -> PluginInfo.builder().name(BundleStates.name(b)).state(PluginState.PENDING)
                        .reason("no plugin service yet").location(b.getLocation()).bundleId(id).build());
    }

    private Bundle bundle(String name) {
        PluginInfo p = plugin(name).filter(i -> i.bundleId() >= 0)
                .orElseThrow(() -> new IllegalArgumentException("no installed plugin named '" + name + "'"));
        Bundle b = context.getBundle(p.bundleId());
        if (b == null) {
            throw new IllegalArgumentException("plugin '" + name + "' is no longer installed");
        }
        return b;
    }

    private static boolean matches(PluginInfo p, String name) {
        if (name.equals(p.name()) || name.equals(p.providerType())) {
            return true;
        }
        Path file = PluginFolders.file(p.location());
        return file != null && name.equals(file.getFileName().toString())
                || p.location() != null && p.location().equals(name);
    }
}
