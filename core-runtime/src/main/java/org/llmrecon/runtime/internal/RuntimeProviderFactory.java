package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.config.ProviderConfigurations;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;
import org.llmrecon.runtime.internal.settings.RuntimeConfig;
import org.llmrecon.runtime.internal.settings.RuntimeSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link ProviderFactory}: one stable {@link ProviderHandle} per
 * provider type, told by the {@link PluginTracker} which plugin serves the
 * type and by the configuration manager how it is configured, and published
 * as an OSGi {@link Provider} service with a {@code provider.type} property
 * while a plugin serves the type.
 */
@Component(service = {ProviderFactory.class, RuntimeProviderFactory.class}, immediate = true,
        configurationPid = RuntimeProperties.PID)
@Designate(ocd = RuntimeConfig.class)
public final class RuntimeProviderFactory implements ProviderFactory, PluginTracker.Listener {
    /** Service property naming the provider type of a published provider. */
    public static final String PROVIDER_TYPE = "provider.type";

    private final BundleContext context;
    private final PluginTracker tracker;
    private final ProviderConfigurations configs;
    private final PluginCalls calls;
    private final Map<String, ProviderHandle> handles = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<?>> registrations = new ConcurrentHashMap<>();
    private final Consumer<String> configListener = this::configChanged;
    private volatile Duration grace;
    private volatile Duration drain;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    /**
     * @param context the runtime bundle's context
     * @param tracker the plugin tracker
     * @param configs the configuration manager
     * @param calls bounds the calls into plugin code
     * @param config the configuration {@link RuntimeProperties#PID}
     */
    @Activate
    public RuntimeProviderFactory(BundleContext context, @Reference PluginTracker tracker,
            @Reference ProviderConfigurations configs, @Reference PluginCalls calls, Map<String, Object> config) {
        this.context = context;
        this.tracker = tracker;
        this.configs = configs;
        this.calls = calls;
        modified(context, config);
        configs.addListener(configListener);
        tracker.addListener(this);
    }

    @Modified
    void modified(BundleContext bundleContext, Map<String, Object> config) {
        RuntimeSettings settings = RuntimeSettings.of(bundleContext, config);
        grace = settings.swapGrace();
        drain = settings.swapDrain();
        handles.values().forEach(h -> h.grace(grace));
    }

    @Deactivate
    void deactivate() {
        tracker.removeListener(this);
        configs.removeListener(configListener);
        registrations.values().forEach(RuntimeProviderFactory::unregister);
        registrations.clear();
        handles.values().forEach(h -> h.unavailable("the runtime is stopping"));
    }

    @Override
    public ManagedProvider getProvider(String type) {
        ProviderHandle handle = type == null ? null : handles.get(type);
        if (handle == null) {
            throw new ProviderUnavailableException(tracker.unavailableReason(String.valueOf(type)));
        }
        handle.ensureInstance();
        return handle;
    }

    @Override
    public Set<String> providerTypes() {
        Set<String> types = new TreeSet<>();
        handles.forEach((type, h) -> {
            if (h.bound()) {
                types.add(type);
            }
        });
        return types;
    }

    /** Reads the type's configuration again (a JSON file is re-read when it changed) and retires the instance. */
    @Override
    public void refresh(String type) {
        ProviderHandle h = handles.get(type);
        if (h != null) {
            configure(h, type);
        }
    }

    @Override
    public void refreshAll() {
        handles.forEach((type, h) -> configure(h, type));
    }

    @Override
    public void typeChanged(String type, PluginCandidate winner, String reason) {
        if (winner != null) {
            ProviderHandle handle = handles.computeIfAbsent(type, this::newHandle);
            configure(handle, type);
            handle.serve(winner);
            registrations.computeIfAbsent(type, t -> register(t, handle));
            return;
        }
        ProviderHandle handle = handles.get(type);
        if (handle != null) {
            handle.unavailable(reason);
        }
        ServiceRegistration<?> r = registrations.remove(type);
        if (r != null) {
            unregister(r);
        }
    }

    /**
     * Lets go of the providers a stopping bundle serves and waits, at most the
     * drain time, for their calls in flight, while its code still runs.
     *
     * @param bundle a plugin bundle that is stopping
     */
    void drain(Bundle bundle) {
        Duration bound = drain;
        handles.values().forEach(h -> h.drain(bundle, bound));
    }

    private ProviderHandle newHandle(String type) {
        return new ProviderHandle(type, calls, grace, resilience(type), this::warn);
    }

    private void configChanged(String type) {
        ProviderHandle h = handles.get(type);
        if (h != null) {
            configure(h, type);
        }
    }

    private void configure(ProviderHandle handle, String type) {
        try {
            handle.configure(configs.config(type), resilience(type));
        } catch (IllegalArgumentException e) {
            handle.misconfigured(e.getMessage());
        }
    }

    private ResilienceSettings resilience(String type) {
        try {
            return configs.resilience(type);
        } catch (IllegalArgumentException e) {
            warn("resilience settings of provider '" + type + "' are invalid, using defaults: " + e.getMessage());
            return ResilienceSettings.defaults();
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
