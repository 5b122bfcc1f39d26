package org.llmrecon.runtime.internal;

import org.llmrecon.runtime.internal.diagnostics.Failures;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;

/**
 * One provider created by a plugin, with the calls in flight on it. Once
 * retired it takes no new calls and is closed exactly once, when the last
 * call in flight has finished. Close is a bounded call: it runs on the
 * thread that retires the instance (an uninstall, an update), which a
 * hanging {@code close()} must not block.
 */
final class ProviderInstance {
    private final Provider provider;
    private final PluginCandidate plugin;
    private final ProviderConfig config;
    private final PluginCalls calls;
    private final String closeCall;
    private final Consumer<String> closeFailure;
    private final Consumer<ProviderInstance> closing;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private volatile boolean retired;

    /**
     * @param calls bounds the close() call
     * @param closeCall how failure messages name the close() call
     * @param closeFailure hears one line when close() threw or did not return in time
     * @param closing told once, when the instance is about to be closed
     */
    ProviderInstance(Provider provider, PluginCandidate plugin, ProviderConfig config, PluginCalls calls,
            String closeCall, Consumer<String> closeFailure, Consumer<ProviderInstance> closing) {
        this.provider = provider;
        this.plugin = plugin;
        this.config = config;
        this.calls = calls;
        this.closeCall = closeCall;
        this.closeFailure = closeFailure;
        this.closing = closing;
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

    /**
     * @param timeout how long to wait at most
     * @return whether the instance was closed, its calls in flight done, within the timeout
     */
    boolean awaitClosed(Duration timeout) {
        try {
            return closeDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeDirectly() {
        try {
            provider.close();
        } catch (RuntimeException e) {
            closeFailure.accept(closeCall + " threw " + Failures.oneLine(e));
        }
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            closing.accept(this);
            // the last call out may be one its caller gave up on and interrupted: the close happens all the same
            boolean interrupted = Thread.interrupted();
            try {
                calls.call(closeCall, () -> {
                    provider.close();
                    return Boolean.TRUE;
                });
            } catch (PluginCalls.CallException e) {
                closeFailure.accept(e.getMessage());
            } catch (RejectedExecutionException e) {
                // the runtime is stopping and makes no more bounded calls: close here
                closeDirectly();
            } catch (RuntimeException e) {
                closeFailure.accept(closeCall + " threw " + Failures.oneLine(e));
            } finally {
                closeDone.countDown();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
