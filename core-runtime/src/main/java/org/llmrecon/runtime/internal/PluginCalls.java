package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.diagnostics.Failures;
import org.llmrecon.runtime.internal.resilience.DeadlinePassed;
import org.llmrecon.runtime.internal.settings.RuntimeSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * The one policy for calls into plugin code that the runtime makes on its own
 * behalf (metadata, validators, {@code validateConfig}, {@code createProvider},
 * {@code close}): one executor (replaced with its threads when a bundle goes,
 * {@link #renew()}) and one bound,
 * {@link RuntimeProperties#PLUGIN_CALL_TIMEOUT}, so a hanging plugin is
 * reported instead of blocking the runtime.
 */
@Component(service = PluginCalls.class, configurationPid = RuntimeProperties.PID)
public final class PluginCalls {
    private final AtomicInteger threads = new AtomicInteger();
    /** Replaced, with all its threads, whenever a bundle is uninstalled or unresolved: see {@link #renew()}. */
    private volatile ExecutorService executor = newExecutor();
    /** Executors replaced while calls abandoned on them may still run; stopped with the runtime. */
    private final Queue<ExecutorService> retired = new ConcurrentLinkedQueue<>();
    private final BundleListener renewal = e -> {
        if (e.getType() == BundleEvent.UNINSTALLED || e.getType() == BundleEvent.UNRESOLVED) {
            renew();
        }
    };
    private BundleContext context;
    private boolean stopped;
    /** How many abandoned calls of one plugin may still run before it is not called any more. */
    static final int MAX_ABANDONED = 16;
    private static final long SPIN_NANOS = 50_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Per plugin bundle (its id modulo the length), whether its calls lately ended within the spin. */
    private final AtomicIntegerArray quick = new AtomicIntegerArray(64);
    private final AtomicInteger waiting = new AtomicInteger();
    private final Queue<Abandonable<?>> abandoned = new ConcurrentLinkedQueue<>();
    private volatile Duration timeout;

    /**
     * @param context where framework properties are read
     * @param config the configuration {@link RuntimeProperties#PID}
     */
    @Activate
    public PluginCalls(BundleContext context, Map<String, Object> config) {
        modified(context, config);
        this.context = context;
        context.addBundleListener(renewal);
    }

    /** @param timeout the bound on every call, for tests */
    PluginCalls(Duration timeout) {
        this.timeout = timeout;
    }

    @Modified
    void modified(BundleContext context, Map<String, Object> config) {
        timeout = RuntimeSettings.of(context, config).pluginCallTimeout();
    }

    @Deactivate
    synchronized void deactivate() {
        stopped = true;
        if (context != null) {
            try {
                context.removeBundleListener(renewal);
            } catch (IllegalStateException e) {
                // the bundle is stopping: its listeners go with it
            }
        }
        executor.shutdownNow();
        retired.forEach(ExecutorService::shutdownNow);
    }

    /**
     * Gives plugin calls new threads. Plugin code (or a library it uses) may leave a value in a
     * {@code ThreadLocal} of the thread that called it, which keeps the plugin's class loader for as long as the
     * thread lives; Felix itself keeps a per-wiring entry in every thread that loaded a class. Pooled threads
     * would keep an uninstalled plugin's loader forever, so when a bundle is uninstalled or unresolved the
     * executor is replaced: its idle threads end at once, a busy one (an abandoned call included) when its call
     * returns, and calls from then on run on fresh threads.
     */
    synchronized void renew() {
        if (stopped) {
            return;
        }
        ExecutorService old = executor;
        executor = newExecutor();
        old.shutdown();
        retired.removeIf(ExecutorService::isTerminated);
        if (!old.isTerminated()) {
            retired.add(old);
        }
    }

    private ExecutorService newExecutor() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "llmrecon-plugin-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(PluginCalls.class.getClassLoader());
            return t;
        });
    }

    /** Submits to the current executor; one replaced meanwhile refuses, and the next one takes the call. */
    private <T> Future<T> submit(Callable<T> task) {
        for (;;) {
            ExecutorService e = executor;
            try {
                return e.submit(task);
            } catch (RejectedExecutionException r) {
                if (e == executor) {
                    throw r;
                }
            }
        }
    }

    /**
     * @param what the call, named for the message, e.g. {@code getMetadata()}
     * @param call the call
     * @return its result
     * @throws CallException with one line naming the call and what went wrong
     * @throws ProviderException as thrown by the call itself
     */
    <T> T call(String what, Supplier<T> call) throws CallException {
        Duration bound = timeout;
        Future<T> f;
        try {
            f = submit(call::get);
        } catch (RejectedExecutionException e) {
            throw new CallException(what + " was not made: the runtime is stopping");
        }
        try {
            return f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new CallException(what + " did not return within " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException pe) {
                throw pe;
            }
            throw new CallException(what + " threw " + Failures.oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new CallException(what + " was interrupted");
        }
    }

    /** A plugin call that failed or hung. */
    /**
     * Runs a call of a caller into a provider on the executor and waits at
     * most {@code limit}. An overrun is interrupted and abandoned: the caller
     * gets {@link DeadlinePassed} at once, whatever the plugin
     * does. A plugin that already has {@link #MAX_ABANDONED} abandoned calls
     * still running (it ignores interruption) is not called again until they
     * end, so it cannot take every thread.
     *
     * @param plugin the plugin called, by name, e.g. {@code plugin 'mock'}
     * @param bundleId its bundle, which {@link #ignoringInterruption(long)} reports
     * @param what the call, named for the message, e.g. {@code chat of provider 'mock'}
     * @param limit the deadline of the whole call
     * @param call the call
     * @return its result; its exceptions are rethrown as they are
     */
    <T> T within(String plugin, long bundleId, String what, Duration limit, Supplier<T> call) {
        long stuck = ignoringInterruption(bundleId);
        if (stuck >= MAX_ABANDONED) {
            throw new ProviderUnavailableException(plugin + " ignores interruption: " + stuck
                    + " abandoned calls still run; it is not called again until they end");
        }
        Abandonable<T> task = new Abandonable<>(bundleId, call);
        Future<T> f;
        try {
            f = submit(task);
        } catch (RejectedExecutionException e) {
            throw new ProviderUnavailableException("the runtime is stopping: " + what + " was not made");
        }
        long submitted = System.nanoTime();
        int slot = (int) (bundleId & (quick.length() - 1));
        waiting.incrementAndGet();
        try {
            if (quick.get(slot) >= 0 && waiting.get() <= CORES) {
                awaitBriefly(f, submitted);
            }
            T result = f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            learn(slot, System.nanoTime() - submitted);
            return result;
        } catch (TimeoutException e) {
            abandon(f, task);
            throw new DeadlinePassed(what + " did not finish within its deadline: abandoned and interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new ProviderException(what + " failed: " + Failures.oneLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            abandon(f, task);
            Thread.currentThread().interrupt();
            throw new CancellationException(what + " was cancelled");
        } finally {
            waiting.decrementAndGet();
        }
    }

    /**
     * Most calls into a provider that answer from memory are done within a few
     * microseconds of the worker waking: spinning that long first spares the
     * caller a park and an unpark, which on a busy 2-core machine cost more
     * than the call. A caller spins only when that is likely to pay: the
     * plugin's recent calls ended within the spin (an HTTP call does not, and
     * its spin would only take a core from the threads that serve it), and no
     * more callers wait than there are cores.
     */
    private static void awaitBriefly(Future<?> f, long from) {
        long end = from + SPIN_NANOS;
        while (!f.isDone() && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    /** Moves the plugin's hint towards spinning after a quick call, away from it after a slow one. */
    private void learn(int slot, long took) {
        int hint = quick.get(slot);
        quick.set(slot, took <= SPIN_NANOS ? Math.min(hint + 1, 4) : Math.max(hint - 1, -4));
    }

    /** @param bundleId a plugin bundle @return how many of its abandoned calls still run */
    long ignoringInterruption(long bundleId) {
        abandoned.removeIf(Abandonable::finished);
        return abandoned.stream().filter(a -> a.bundleId == bundleId).count();
    }

    private void abandon(Future<?> f, Abandonable<?> task) {
        f.cancel(true);
        if (!task.finished()) {
            abandoned.add(task);
        }
    }

    /** A call whose thread is known to have left the plugin's code, which {@link Future#isDone()} does not say. */
    private static final class Abandonable<T> implements Callable<T> {
        private final long bundleId;
        private final Supplier<T> call;
        private volatile boolean finished;

        Abandonable(long bundleId, Supplier<T> call) {
            this.bundleId = bundleId;
            this.call = call;
        }

        @Override
        public T call() {
            try {
                return call.get();
            } finally {
                finished = true;
            }
        }

        boolean finished() {
            return finished;
        }
    }

    static final class CallException extends Exception {
        private static final long serialVersionUID = 1L;

        CallException(String message) {
            super(message);
        }
    }
}
