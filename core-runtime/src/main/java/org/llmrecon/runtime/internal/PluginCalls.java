package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.runtime.internal.diagnostics.Failures;
import org.llmrecon.runtime.internal.settings.RuntimeSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * The one policy for calls into plugin code that the runtime makes on its own
 * behalf (metadata, validators, {@code validateConfig}, {@code createProvider},
 * {@code close}): one executor and one bound,
 * {@link RuntimeProperties#PLUGIN_CALL_TIMEOUT}, so a hanging plugin is
 * reported instead of blocking the runtime.
 */
@Component(service = PluginCalls.class, configurationPid = RuntimeProperties.PID)
public final class PluginCalls {
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llmrecon-plugin-call-" + threads.incrementAndGet());
        t.setDaemon(true);
        t.setContextClassLoader(PluginCalls.class.getClassLoader());
        return t;
    });
    private volatile Duration timeout;

    /**
     * @param context where framework properties are read
     * @param config the configuration {@link RuntimeProperties#PID}
     */
    @Activate
    public PluginCalls(BundleContext context, Map<String, Object> config) {
        modified(context, config);
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
    void deactivate() {
        executor.shutdownNow();
    }

    Duration timeout() {
        return timeout;
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
        Future<T> f = executor.submit(call::get);
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
    static final class CallException extends Exception {
        private static final long serialVersionUID = 1L;

        CallException(String message) {
            super(message);
        }
    }
}
