package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The plugin currently serving one provider type and the provider it
 * created. Creation is lazy and happens once however many callers race for
 * it; a failed creation is not cached. When the plugin goes away, calls
 * arriving within the grace period wait for a replacement. The slot is handed
 * values (the plugin, the configuration, why nothing serves) and asks nobody.
 */
final class ProviderSlot {
    private final String type;
    private final PluginCalls calls;
    private final Consumer<String> log;
    private volatile Duration grace;
    private volatile ProviderConfig config;
    private volatile String configProblem;
    private volatile String unavailable;
    private final Object lock = new Object();
    private final Object creation = new Object();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    /** Instances not known to be closed: the current one and retired ones that may still have calls in flight. */
    private final Set<ProviderInstance> open = ConcurrentHashMap.newKeySet(2);
    private PluginCandidate binding;
    private BundleRevision bindingRevision;
    private volatile ProviderInstance instance;
    private long goneAt = Long.MIN_VALUE;
    private boolean everBound;

    /**
     * @param calls bounds validateConfig, createProvider and close
     * @param grace how long calls wait for a replacement plugin
     * @param log hears one line for each failure nobody else sees
     */
    ProviderSlot(String type, PluginCalls calls, Duration grace, Consumer<String> log) {
        this.type = type;
        this.calls = calls;
        this.grace = grace;
        this.log = log;
        this.config = ProviderConfig.builder(type).build();
        this.unavailable = TypeWinner.noPlugin(type);
    }

    void bind(PluginCandidate plugin) {
        replace(plugin);
    }

    /** @param reason why no plugin serves the type now, told to calls that find none */
    void unbind(String reason) {
        unavailable = reason;
        replace(null);
    }

    /** @param value the configuration the next instance is created with; the current one is retired */
    void configure(ProviderConfig value) {
        config = value;
        configProblem = null;
        refresh();
    }

    /** @param problem why the configuration is invalid; creation fails with it until {@link #configure} */
    void misconfigured(String problem) {
        configProblem = problem;
        refresh();
    }

    /** @return the timeout of the configuration calls are made with */
    Duration timeout() {
        return config.timeout();
    }

    void grace(Duration value) {
        grace = value;
    }

    /** Retires the current instance so the next call creates one from the current configuration. */
    void refresh() {
        ProviderInstance old;
        synchronized (lock) {
            old = instance;
            instance = null;
        }
        if (old != null) {
            old.retire();
        }
    }

    boolean bound() {
        synchronized (lock) {
            return binding != null;
        }
    }

    /** @return whether no plugin is bound and no instance is open (no call in flight, none to close) */
    boolean idle() {
        synchronized (lock) {
            if (binding != null || instance != null) {
                return false;
            }
        }
        return open.isEmpty();
    }

    /** @return why a call now would fail before reaching the plugin, or {@code null} */
    String unavailableReason() {
        synchronized (lock) {
            if (binding == null && !withinGrace()) {
                return unavailable;
            }
        }
        String problem = configProblem;
        return problem == null ? null : "the configuration of provider '" + type + "' is invalid: " + problem;
    }

    /** @return whether a call now would find a plugin, at once or after waiting out the grace period */
    boolean available() {
        synchronized (lock) {
            return binding != null || withinGrace();
        }
    }

    ProviderInstances instances() {
        long c = closed.get(); // read first: created only grows, so open() is never negative
        return new ProviderInstances(created.get(), c);
    }

    String defaultModel() {
        ProviderInstance i = instance;
        return i == null ? null : i.config().defaultModel();
    }

    /** @return the current instance with a call entered; the caller must {@link ProviderInstance#exit()} */
    ProviderInstance acquire() {
        for (;;) {
            ProviderInstance i = instance;
            if (i == null) {
                i = create();
            }
            if (i.enter()) {
                return i;
            }
        }
    }

    /**
     * When the plugin serving this type comes from a bundle that is stopping,
     * lets go of it at once, so new calls wait for its replacement, and waits
     * (bounded) until the calls in flight on the bundle's instances are done
     * and the instances closed, while the bundle's code can still load classes.
     *
     * @return whether the slot was served from the bundle
     */
    boolean drain(Bundle bundle, Duration timeout) {
        ProviderInstance old = null;
        boolean served;
        synchronized (lock) {
            served = binding != null && binding.bundle() == bundle;
            if (served) {
                old = swap(null);
            }
        }
        if (old != null) {
            old.retire();
        }
        // also instances retired before (a configuration change) whose calls are still in flight
        long end = System.nanoTime() + timeout.toNanos();
        for (ProviderInstance i : open) {
            if (i.plugin().bundle() == bundle) {
                served = true;
                i.awaitClosed(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
            }
        }
        return served;
    }

    private void replace(PluginCandidate plugin) {
        ProviderInstance old;
        synchronized (lock) {
            old = swap(plugin);
        }
        if (old != null) {
            old.retire();
        }
    }

    /** Caller holds the lock. @return the instance to retire */
    private ProviderInstance swap(PluginCandidate plugin) {
        if (binding != null && plugin == null) {
            goneAt = System.nanoTime();
        }
        binding = plugin;
        bindingRevision = revisionOf(plugin);
        everBound |= plugin != null;
        ProviderInstance old = instance;
        instance = null;
        lock.notifyAll();
        return old;
    }

    private ProviderInstance create() {
        synchronized (creation) {
            for (;;) {
                PluginCandidate plugin;
                BundleRevision revision;
                synchronized (lock) {
                    if (instance != null) {
                        return instance;
                    }
                    plugin = awaitBinding();
                    revision = bindingRevision;
                }
                ProviderInstance created;
                try {
                    created = newInstance(plugin);
                } catch (ProviderUnavailableException e) {
                    synchronized (lock) {
                        if (binding == plugin && !leaving(plugin, revision)) {
                            log.accept("cannot create provider '" + type + "': " + e.getMessage());
                            throw e;
                        }
                        // replaced, or its bundle is stopping or updated: the failure is the old code going away
                        awaitReplacementOf(plugin, e);
                    }
                    continue;
                }
                synchronized (lock) {
                    if (binding == plugin) {
                        instance = created;
                        return created;
                    }
                }
                created.retire();
            }
        }
    }

    private void closing(ProviderInstance i) {
        closed.incrementAndGet();
        open.remove(i); // never keep a closed provider, and with it its plugin's class loader
    }

    /** @return whether the plugin's bundle is stopping, stopped or now runs another revision than when bound */
    private static boolean leaving(PluginCandidate plugin, BundleRevision revision) {
        Bundle bundle = plugin.bundle();
        return bundle != null && ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0
                || bundle.adapt(BundleRevision.class) != revision);
    }

    private static BundleRevision revisionOf(PluginCandidate plugin) {
        return plugin == null || plugin.bundle() == null ? null : plugin.bundle().adapt(BundleRevision.class);
    }

    /** Caller holds the lock. Waits at most the grace period for {@code plugin} to be unbound, else throws. */
    private void awaitReplacementOf(PluginCandidate plugin, ProviderUnavailableException failure) {
        long end = System.nanoTime() + grace.toNanos();
        while (binding == plugin) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                log.accept("cannot create provider '" + type + "': " + failure.getMessage());
                throw failure;
            }
            try {
                lock.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    private ProviderInstance newInstance(PluginCandidate plugin) {
        String problem = configProblem;
        if (problem != null) {
            throw new ProviderUnavailableException("the configuration of provider '" + type + "' is invalid: "
                    + problem);
        }
        ProviderConfig cfg = config;
        String who = "plugin '" + plugin.name() + "'";
        try {
            calls.call(who + " validateConfig()", () -> {
                plugin.plugin().validateConfig(cfg);
                return Boolean.TRUE;
            });
        } catch (PluginCalls.CallException e) {
            throw new ProviderUnavailableException(e.getMessage());
        }
        Provider provider;
        try {
            provider = calls.call(who + " createProvider()", () -> plugin.plugin().createProvider(cfg));
        } catch (PluginCalls.CallException e) {
            throw new ProviderUnavailableException(e.getMessage());
        }
        if (provider == null) {
            throw new ProviderUnavailableException(who + " createProvider() returned null");
        }
        created.incrementAndGet();
        ProviderInstance i = new ProviderInstance(provider, plugin, cfg, calls,
                who + " close() of provider '" + type + "'", log, this::closing);
        open.add(i);
        return i;
    }

    /** Caller holds the lock. */
    private PluginCandidate awaitBinding() {
        while (binding == null) {
            if (!withinGrace()) {
                throw new ProviderUnavailableException(unavailable);
            }
            long left = grace.toNanos() - (System.nanoTime() - goneAt);
            try {
                lock.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("interrupted while waiting for provider '" + type + "'");
            }
        }
        return binding;
    }

    private boolean withinGrace() {
        return everBound && goneAt != Long.MIN_VALUE && System.nanoTime() - goneAt < grace.toNanos();
    }
}
