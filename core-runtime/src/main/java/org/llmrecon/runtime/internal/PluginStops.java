package org.llmrecon.runtime.internal;

import org.llmrecon.runtime.internal.diagnostics.LeakWatch;
import org.llmrecon.runtime.internal.diagnostics.ReleasedServices;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The one ordered sequence run, synchronously, when a plugin bundle stops
 * (update, reload, uninstall, refresh), while its code can still load
 * classes: first the factory lets go of its providers and waits (bounded)
 * for their calls in flight; then Felix is made to forget the services the
 * plugin got; then its class loader is watched, so that one still reachable
 * after uninstall is reported as leaked. On uninstall the factory drops the
 * default targets the bundle served last and no plugin serves now.
 */
@Component(immediate = true)
public final class PluginStops {
    private final BundleContext context;
    private final RuntimeProviderFactory factory;
    private final PluginTracker tracker;
    private final PluginFolders folders;
    private final LeakWatch leaks;
    private final SynchronousBundleListener listener = this::bundleChanged;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    /**
     * @param context the runtime bundle's context
     * @param factory drains the calls in flight
     * @param tracker knows which bundles publish plugin services
     * @param folders knows which bundles are plugins
     * @param leaks watches class loaders
     */
    @Activate
    public PluginStops(BundleContext context, @Reference RuntimeProviderFactory factory,
            @Reference PluginTracker tracker, @Reference PluginFolders folders, @Reference LeakWatch leaks) {
        this.context = context;
        this.factory = factory;
        this.tracker = tracker;
        this.folders = folders;
        this.leaks = leaks;
        context.addBundleListener(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    private void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.STOPPING -> {
                if (folders.isPlugin(b) || tracker.tracks(b)) {
                    factory.drain(b);
                    ReleasedServices.forget(b, scr);
                    leaks.watch(b, BundleStates.name(b));
                }
            }
            case BundleEvent.UNINSTALLED -> {
                factory.uninstalled(b);
                leaks.uninstalled(b);
            }
            case BundleEvent.UPDATED -> leaks.uninstalled(b);
            default -> {
                // other events change nothing here
            }
        }
    }
}
