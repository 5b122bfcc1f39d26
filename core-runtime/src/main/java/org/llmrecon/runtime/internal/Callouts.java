package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.llmrecon.api.provider.ProviderException;

/**
 * Calls into plugin code with a bounded wait, so a hanging plugin is
 * reported instead of blocking the runtime.
 */
final class Callouts implements AutoCloseable {
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llmrecon-plugin-call-" + threads.incrementAndGet());
        t.setDaemon(true);
        t.setContextClassLoader(Callouts.class.getClassLoader());
        return t;
    });
    private final Duration timeout;

    Callouts(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * @param what the call, named for the message, e.g. {@code getMetadata()}
     * @param call the call
     * @return its result
     * @throws CalloutException with one line naming the call and what went wrong
     * @throws ProviderException as thrown by the call itself
     */
    <T> T call(String what, Supplier<T> call) throws CalloutException {
        Future<T> f = executor.submit(call::get);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new CalloutException(what + " did not return within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException pe) {
                throw pe;
            }
            throw new CalloutException(what + " threw " + oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalloutException(what + " was interrupted");
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String line = m == null ? "" : m.lines().findFirst().orElse("").trim();
        return t.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A plugin call that failed or hung. */
    static final class CalloutException extends Exception {
        private static final long serialVersionUID = 1L;

        CalloutException(String message) {
            super(message);
        }
    }
}
