package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.runtime.internal.config.Durations;
import org.llmrecon.runtime.internal.config.ProviderConfigurations;
import org.llmrecon.runtime.internal.resilience.CallGuard;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link ProviderFactory}: one stable {@link ProviderHandle} per
 * provider type, bound to the type's winning plugin, and published as an
 * OSGi {@link Provider} service with a {@code provider.type} property while
 * a plugin serves the type.
 */
@Component(service = ProviderFactory.class, immediate = true)
public final class RuntimeProviderFactory implements ProviderFactory, PluginTracker.Listener {
    /** Service property naming the provider type of a published provider. */
    public static final String PROVIDER_TYPE = "provider.type";
    /** Framework property: how long calls wait for a replacement plugin, e.g. {@code 2s}. */
    public static final String GRACE = "llmrecon.swap.grace";
    /** Framework property: how long a plugin bundle's stop waits for the calls in flight on its providers. */
    public static final String DRAIN = "llmrecon.swap.drain";

    private final BundleContext context;
    private final PluginTracker tracker;
    private final ProviderConfigurations configs;
    private final Callouts callouts;
    private final Duration grace;
    private final Duration drain;
    private final SynchronousBundleListener stopping = this::bundleChanged;
    private final Map<String, ProviderHandle> handles = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<?>> registrations = new ConcurrentHashMap<>();
    private final Consumer<String> configListener = this::configChanged;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    /**
     * @param context the runtime bundle's context
     * @param tracker the plugin tracker
     * @param configs the configuration manager
     */
    @Activate
    public RuntimeProviderFactory(BundleContext context, @Reference PluginTracker tracker,
            @Reference ProviderConfigurations configs) {
        this.context = context;
        this.tracker = tracker;
        this.configs = configs;
        this.grace = Durations.property(context, GRACE, Duration.ofSeconds(2));
        this.drain = Durations.property(context, DRAIN, Duration.ofSeconds(5));
        this.callouts = new Callouts(
                Durations.property(context, PluginTracker.CALL_TIMEOUT, Duration.ofSeconds(30)));
        configs.addListener(configListener);
        tracker.addListener(this);
        context.addBundleListener(stopping);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(stopping);
        tracker.removeListener(this);
        configs.removeListener(configListener);
        registrations.values().forEach(RuntimeProviderFactory::unregister);
        registrations.clear();
        handles.values().forEach(h -> h.slot().unbind());
        callouts.close();
    }

    @Override
    public ManagedProvider getProvider(String type) {
        ProviderHandle handle = type == null ? null : handles.get(type);
        if (handle == null || !handle.slot().available()) {
            throw new ProviderUnavailableException(tracker.unavailableReason(String.valueOf(type)));
        }
        handle.slot().acquire().exit();
        return handle;
    }

    @Override
    public Set<String> providerTypes() {
        Set<String> types = new TreeSet<>();
        handles.forEach((type, h) -> {
            if (h.slot().bound()) {
                types.add(type);
            }
        });
        return types;
    }

    @Override
    public void refresh(String type) {
        ProviderHandle h = handles.get(type);
        if (h != null) {
            h.slot().refresh();
        }
    }

    @Override
    public void refreshAll() {
        handles.values().forEach(h -> h.slot().refresh());
    }

    /** @param type a provider type @return its handle, if the type was ever served */
    ProviderHandle handle(String type) {
        return handles.get(type);
    }

    @Override
    public void winnerChanged(String type, PluginCandidate winner) {
        ProviderHandle handle = handles.computeIfAbsent(type, this::newHandle);
        if (winner != null) {
            handle.slot().bind(winner);
            handle.guard().resetCircuit();
            registrations.computeIfAbsent(type, t -> register(t, handle));
        } else {
            handle.slot().unbind();
            ServiceRegistration<?> r = registrations.remove(type);
            if (r != null) {
                unregister(r);
            }
        }
    }

    /** Heard synchronously: the stopping bundle's code still runs while its calls in flight finish. */
    private void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING) {
            handles.values().forEach(h -> h.slot().drain(event.getBundle(), drain));
        }
    }

    private ProviderHandle newHandle(String type) {
        ProviderSlot slot = new ProviderSlot(type, () -> configs.config(type), tracker::unavailableReason, callouts,
                grace, this::warn);
        return new ProviderHandle(type, slot, new CallGuard(type, resilience(type)));
    }

    private ResilienceSettings resilience(String type) {
        try {
            return configs.resilience(type);
        } catch (IllegalArgumentException e) {
            warn("resilience settings of provider '" + type + "' are invalid, using defaults: " + e.getMessage());
            return ResilienceSettings.defaults();
        }
    }

    private void configChanged(String type) {
        ProviderHandle h = handles.get(type);
        if (h != null) {
            h.guard().update(resilience(type));
            h.slot().refresh();
        }
    }

    private ServiceRegistration<?> register(String type, ProviderHandle handle) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(PROVIDER_TYPE, type);
        return context.registerService(new String[] {ManagedProvider.class.getName(), Provider.class.getName()},
                handle, props);
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }

    private void warn(String message) {
        Logger l = logger;
        if (l != null) {
            l.warn(message);
        }
    }
}
