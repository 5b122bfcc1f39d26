package org.llmrecon.runtime.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * One provider created by a plugin, with the calls in flight on it. Once
 * retired it takes no new calls and is closed exactly once, when the last
 * call in flight has finished.
 */
final class ProviderInstance {
    private final Provider provider;
    private final PluginCandidate plugin;
    private final ProviderConfig config;
    private final Consumer<RuntimeException> closeFailure;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;

    ProviderInstance(Provider provider, PluginCandidate plugin, ProviderConfig config,
            Consumer<RuntimeException> closeFailure) {
        this.provider = provider;
        this.plugin = plugin;
        this.config = config;
        this.closeFailure = closeFailure;
    }

    Provider provider() {
        return provider;
    }

    PluginCandidate plugin() {
        return plugin;
    }

    ProviderConfig config() {
        return config;
    }

    /** @return {@code false} when retired; the caller must then find the current instance */
    boolean enter() {
        inFlight.incrementAndGet();
        if (retired) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            closeOnce();
        }
    }

    boolean retired() {
        return retired;
    }

    void retire() {
        retired = true;
        if (inFlight.get() == 0) {
            closeOnce();
        }
    }

    boolean closed() {
        return closed.get();
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                closeFailure.accept(e);
            }
        }
    }
}
