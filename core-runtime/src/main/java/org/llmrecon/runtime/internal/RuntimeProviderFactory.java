package org.llmrecon.runtime.internal;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.runtime.internal.config.ProviderConfigurations;
import org.llmrecon.runtime.internal.diagnostics.Reaper;
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
 * The {@link ProviderFactory}: one stable {@link ProviderHandle} per target,
 * told by the {@link PluginTracker} which plugin serves each provider type
 * and by the configuration manager which targets exist and how each is
 * configured. Each type whose plugin is active has a default target named
 * like it. A target with a serving plugin is published as an OSGi
 * {@link Provider} service with {@code provider.target} and
 * {@code provider.type} properties. A default target whose type no plugin
 * serves any more is dropped, with its metrics and resilience state, once the
 * bundle that last served it is uninstalled and its calls are done; a caller
 * still holding its handle is refused cleanly, and served again if a plugin
 * of the type returns.
 */
@Component(service = {ProviderFactory.class, RuntimeProviderFactory.class}, immediate = true,
        configurationPid = RuntimeProperties.PID)
@Designate(ocd = RuntimeConfig.class)
public final class RuntimeProviderFactory implements ProviderFactory, PluginTracker.Listener {
    /** Service property naming the provider type of a published provider. */
    public static final String PROVIDER_TYPE = "provider.type";
    /** Service property naming the target of a published provider. */
    public static final String PROVIDER_TARGET = "provider.target";

    private final BundleContext context;
    private final PluginTracker tracker;
    private final ProviderConfigurations configs;
    private final PluginCalls calls;
    /** The plugin serving each type, and why none serves the others, as the tracker last said. */
    private final Map<String, PluginCandidate> winners = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    /** Dropped default targets' handles, revived if their type returns while a caller still holds one. */
    private final Map<String, Resting> resting = new ConcurrentHashMap<>();
    /** Forgets a dropped handle as soon as nobody holds it any more. */
    private final Reaper reaper = new Reaper("llmrecon-dropped-targets");
    private final Consumer<String> configListener = this::configChanged;
    private volatile Duration grace;
    private volatile Duration drain;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    /** A dropped default target's handle, as long as someone else holds it. */
    private final class Resting extends WeakReference<ProviderHandle> implements Reaper.Collected {
        final String name;

        Resting(String name, ProviderHandle handle) {
            super(handle, reaper.queue());
            this.name = name;
        }

        @Override
        public void collected() {
            resting.remove(name, this);
        }
    }

    /** One target's handle, its type, and its service while a plugin serves it. */
    private static final class Target {
        final String type;
        final ProviderHandle handle;
        ServiceRegistration<?> registration;
        /** The bundle whose plugin served the target last, or -1. */
        long servedBy = -1;

        Target(String type, ProviderHandle handle) {
            this.type = type;
            this.handle = handle;
        }
    }

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
        targets.values().forEach(t -> t.handle.grace(grace));
    }

    @Deactivate
    synchronized void deactivate() {
        reaper.close();
        tracker.removeListener(this);
        configs.removeListener(configListener);
        targets.values().forEach(t -> {
            unregister(t);
            t.handle.unavailable("the runtime is stopping");
        });
    }

    @Override
    public ManagedProvider getProvider(String target) {
        Target t = target == null ? null : targets.get(target);
        if (t == null) {
            String name = String.valueOf(target);
            if (configs.targets().contains(name)) {
                String type = configs.type(name);
                throw new ProviderUnavailableException("target '" + name + "' (type '" + type + "'): "
                        + tracker.unavailableReason(type));
            }
            throw new ProviderUnavailableException(tracker.unavailableReason(name));
        }
        t.handle.ensureInstance();
        return t.handle;
    }

    @Override
    public Set<String> providerTypes() {
        return new TreeSet<>(winners.keySet());
    }

    @Override
    public List<TargetInfo> targets() {
        List<TargetInfo> all = new ArrayList<>();
        names().forEach(n -> target(n).ifPresent(all::add));
        return all;
    }

    @Override
    public Optional<TargetInfo> target(String name) {
        boolean configured = configs.targets().contains(name);
        if (!configured && !winners.containsKey(name)) {
            return Optional.empty();
        }
        String type = configs.type(name);
        Target t = targets.get(name);
        String reason = t != null ? t.handle.unavailableReason() : null;
        if (t == null || !winners.containsKey(type)) {
            reason = reasons.getOrDefault(type, TypeWinner.noPlugin(type));
        }
        return Optional.of(TargetInfo.builder().name(name).type(type).source(configured ? source(name) : "default")
                .reason(reason).circuit(t == null ? null : t.handle.circuitState()).build());
    }

    /** Reads the target's configuration again (a JSON file is re-read when it changed) and retires the instance. */
    @Override
    public void refresh(String target) {
        configChanged(target);
    }

    @Override
    public void refreshAll() {
        names().forEach(this::configChanged);
    }

    @Override
    public synchronized void typeChanged(String type, PluginCandidate winner, String reason) {
        PluginCandidate was;
        if (winner != null) {
            was = winners.put(type, winner);
            reasons.remove(type);
        } else {
            was = winners.remove(type);
            if (reason == null || reason.equals(TypeWinner.noPlugin(type))) {
                reasons.remove(type); // the reason given when none is stored, one entry less per type gone
            } else {
                reasons.put(type, reason);
            }
        }
        for (String name : targetsOf(type)) {
            sync(name, true);
        }
        Bundle gone = was == null ? null : was.bundle();
        if (winner == null && gone != null && gone.getState() == Bundle.UNINSTALLED) {
            dropIdle(gone.getBundleId());
        }
    }

    /**
     * Drops the default targets the bundle's plugin served last whose type no plugin serves now and whose calls
     * are done: their handles, metrics and resilience state. Configured targets stay (listed as unavailable).
     *
     * @param bundle a bundle that was uninstalled
     */
    synchronized void uninstalled(Bundle bundle) {
        dropIdle(bundle.getBundleId());
    }

    /** @param target a target name @return whether the factory keeps a handle for it */
    boolean hasHandle(String target) {
        return targets.containsKey(target);
    }

    private void dropIdle(long bundleId) {
        Set<String> configured = null;
        for (Map.Entry<String, Target> e : targets.entrySet()) {
            Target t = e.getValue();
            if (t.servedBy != bundleId || winners.containsKey(t.type) || !t.handle.idle()) {
                continue;
            }
            if (configured == null) {
                configured = configs.targets();
            }
            if (!configured.contains(e.getKey())) {
                targets.remove(e.getKey());
                unregister(t);
                resting.put(e.getKey(), new Resting(e.getKey(), t.handle));
            }
        }
    }

    /** @return the handle of a new target: a dropped one still held by a caller, or a new one */
    private ProviderHandle handle(String name, String type) {
        Resting r = resting.remove(name);
        ProviderHandle h = r == null ? null : r.get();
        if (h != null && h.type().equals(type)) {
            h.grace(grace);
            return h;
        }
        // the defaults only until sync configures it, so the settings are parsed once
        return new ProviderHandle(name, type, calls, grace, ResilienceSettings.defaults(), this::warn);
    }

    /**
     * @return the targets of a type: its default target, the configured ones naming it or with a handle of it;
     *         neither every target's configuration read again nor every handle looked at, which at a thousand
     *         plugins made each plugin's arrival cost a thousand of either (a target that is no longer configured
     *         is let go by its own configuration change)
     */
    private Set<String> targetsOf(String type) {
        Set<String> names = new TreeSet<>();
        Set<String> configured = configs.targets();
        for (String n : configured) {
            Target t = targets.get(n);
            if (configs.type(n).equals(type) || t != null && t.type.equals(type)) {
                names.add(n);
            }
        }
        if (!configured.contains(type)) {
            names.add(type);
        }
        return names;
    }

    /**
     * Lets go of the providers a stopping bundle serves and waits, at most the
     * drain time, for their calls in flight, while its code still runs.
     *
     * @param bundle a plugin bundle that is stopping
     */
    void drain(Bundle bundle) {
        Duration bound = drain;
        targets.values().forEach(t -> t.handle.drain(bundle, bound));
    }

    private synchronized void configChanged(String target) {
        sync(target, false);
    }

    /** Brings one target in line with its configuration and its type's plugin; caller holds the lock. */
    private void sync(String name, boolean pluginChanged) {
        String type = configs.type(name);
        Target t = targets.get(name);
        // a type's default target stays once made, so that calls wait out a plugin's update in it
        boolean exists = configs.targets().contains(name) || winners.containsKey(name)
                || t != null && t.type.equals(name) && type.equals(name);
        if (t != null && (!exists || !t.type.equals(type))) {
            targets.remove(name);
            unregister(t);
            t.handle.unavailable(!exists ? "target '" + name + "' was removed"
                    : "target '" + name + "' is now of type '" + type + "'");
            t = null;
            pluginChanged = true;
        }
        PluginCandidate winner = exists ? winners.get(type) : null;
        if (t == null) {
            if (winner == null) {
                return;
            }
            t = new Target(type, handle(name, type));
            targets.put(name, t);
            pluginChanged = true;
        }
        configure(t.handle, name);
        if (!pluginChanged) {
            return;
        }
        if (winner != null) {
            t.servedBy = winner.bundle() == null ? -1 : winner.bundle().getBundleId();
            t.handle.serve(winner);
            register(name, t);
        } else {
            t.handle.unavailable(reasons.getOrDefault(type, TypeWinner.noPlugin(type)));
            unregister(t);
        }
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>(configs.targets());
        names.addAll(winners.keySet());
        names.addAll(targets.keySet());
        return names;
    }

    private String source(String name) {
        List<ConfigEntry> entries = configs.describe(name);
        return entries.stream().filter(e -> e.key().equals("type")).findFirst()
                .or(() -> entries.stream().findFirst()).map(ConfigEntry::source).orElse("default");
    }

    private void configure(ProviderHandle handle, String target) {
        try {
            handle.configure(configs.config(target), resilience(target));
        } catch (IllegalArgumentException | IllegalStateException e) {
            handle.misconfigured(e.getMessage());
        }
    }

    private ResilienceSettings resilience(String target) {
        try {
            return configs.resilience(target);
        } catch (IllegalArgumentException e) {
            warn("resilience settings of target '" + target + "' are invalid, using defaults: " + e.getMessage());
            return ResilienceSettings.defaults();
        }
    }

    private void register(String name, Target t) {
        if (t.registration == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(PROVIDER_TYPE, t.type);
            props.put(PROVIDER_TARGET, name);
            t.registration = context.registerService(
                    new String[] {ManagedProvider.class.getName(), Provider.class.getName()}, t.handle, props);
        }
    }

    private static void unregister(Target t) {
        ServiceRegistration<?> r = t.registration;
        t.registration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    private void warn(String message) {
        Logger l = logger;
        if (l != null) {
            l.warn(message);
        }
    }
}
