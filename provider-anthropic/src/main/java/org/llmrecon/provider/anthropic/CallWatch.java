package org.llmrecon.provider.anthropic;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches the calls in flight of one provider from one daemon thread of its own, started by the first call:
 * a call past its deadline (the target's timeout, for the whole call), or a stream idle for longer than the
 * idle timeout, is aborted; {@link #close()} aborts every call. The watch looks every tenth of the shorter of
 * the two timeouts (between 10 ms and 1 s) instead of scheduling a task per call.
 */
final class CallWatch implements AutoCloseable {
    private final String name;
    private final long timeout;
    private final long idle;
    private final long tick;
    private final Set<Exchange> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService thread;
    private volatile boolean closed;

    CallWatch(String name, Duration timeout, Duration idle) {
        this.name = name;
        this.timeout = timeout.toNanos();
        this.idle = idle.toNanos();
        this.tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1),
                Math.min(this.timeout, this.idle) / 10));
    }

    /** Registers a call of the calling thread until {@link #end}. */
    Exchange begin(boolean streaming) {
        Exchange exchange = new Exchange(System.nanoTime() + timeout, streaming);
        open.add(exchange);
        start();
        if (closed) {
            exchange.abort(Exchange.Abort.CLOSED);
        }
        return exchange;
    }

    void end(Exchange exchange) {
        open.remove(exchange);
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.NANOSECONDS);
            thread = executor;
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Exchange exchange : open) {
            if (now - exchange.deadline() >= 0) {
                exchange.abort(Exchange.Abort.DEADLINE);
            } else if (exchange.streaming() && now - exchange.lastActivity() >= idle) {
                exchange.abort(Exchange.Abort.IDLE);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        open.forEach(exchange -> exchange.abort(Exchange.Abort.CLOSED));
        synchronized (this) {
            if (thread != null) {
                thread.shutdownNow();
            }
        }
    }
}
