package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderInstances;
import org.llmrecon.api.provider.ProviderUnavailableException;

/**
 * The plugin currently serving one provider type and the provider it
 * created. Creation is lazy and happens once however many callers race for
 * it; a failed creation is not cached. When the plugin goes away, calls
 * arriving within the grace period wait for a replacement.
 */
final class ProviderSlot {
    private final String type;
    private final Supplier<ProviderConfig> config;
    private final Function<String, String> unavailableReason;
    private final Callouts callouts;
    private final Duration grace;
    private final Consumer<String> log;
    private final Object lock = new Object();
    private final Object creation = new Object();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private PluginCandidate binding;
    private volatile ProviderInstance instance;
    private long goneAt = Long.MIN_VALUE;
    private boolean everBound;

    ProviderSlot(String type, Supplier<ProviderConfig> config, Function<String, String> unavailableReason,
            Callouts callouts, Duration grace, Consumer<String> log) {
        this.type = type;
        this.config = config;
        this.unavailableReason = unavailableReason;
        this.callouts = callouts;
        this.grace = grace;
        this.log = log;
    }

    void bind(PluginCandidate plugin) {
        replace(plugin);
    }

    void unbind() {
        replace(null);
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

    private void replace(PluginCandidate plugin) {
        ProviderInstance old;
        synchronized (lock) {
            if (binding != null && plugin == null) {
                goneAt = System.nanoTime();
            }
            binding = plugin;
            everBound |= plugin != null;
            old = instance;
            instance = null;
            lock.notifyAll();
        }
        if (old != null) {
            old.retire();
        }
    }

    private ProviderInstance create() {
        synchronized (creation) {
            for (;;) {
                PluginCandidate plugin;
                synchronized (lock) {
                    if (instance != null) {
                        return instance;
                    }
                    plugin = awaitBinding();
                }
                ProviderInstance created = newInstance(plugin);
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

    private ProviderInstance newInstance(PluginCandidate plugin) {
        ProviderConfig cfg;
        try {
            cfg = config.get();
        } catch (IllegalArgumentException e) {
            throw unavailable("the configuration of provider '" + type + "' is invalid: " + e.getMessage(), null);
        }
        String who = "plugin '" + plugin.name() + "'";
        try {
            callouts.call(who + " validateConfig()", () -> {
                plugin.plugin().validateConfig(cfg);
                return Boolean.TRUE;
            });
        } catch (Callouts.CalloutException e) {
            throw unavailable(e.getMessage(), null);
        }
        Provider provider;
        try {
            provider = callouts.call(who + " createProvider()", () -> plugin.plugin().createProvider(cfg));
        } catch (Callouts.CalloutException e) {
            throw unavailable(e.getMessage(), null);
        }
        if (provider == null) {
            throw unavailable(who + " createProvider() returned null", null);
        }
        created.incrementAndGet();
        return new ProviderInstance(provider, plugin, cfg, callouts, who + " close() of provider '" + type + "'",
                log, closed::incrementAndGet);
    }

    private ProviderUnavailableException unavailable(String message, Throwable cause) {
        log.accept("cannot create provider '" + type + "': " + message);
        return new ProviderUnavailableException(message, cause);
    }

    /** Caller holds the lock. */
    private PluginCandidate awaitBinding() {
        while (binding == null) {
            if (!withinGrace()) {
                throw new ProviderUnavailableException(unavailableReason.apply(type));
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
