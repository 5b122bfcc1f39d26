package org.llmrecon.provider.openai;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the calls in flight of one provider from one thread of its own. A thread blocked in an exchange is
 * interrupted (on plain http the interrupt closes the socket channel it reads, see {@link Http1Connection})
 * at its call's deadline (the provider sets no JDK request timeout: its timer costs two wake-ups
 * of the client's selector thread per request, and it ends when the headers arrive), when the
 * provider closes, or when the {@link WholeBody} it waits for got no bytes for the idle limit; an open body
 * is aborted at its call's deadline, when it waits longer than the idle limit
 * for bytes, or on close. The watch looks every tenth of the shorter of the two limits rather than scheduling
 * a task per call, so a call costs no hand-off to another thread; it sleeps once a whole tick passed without
 * calls. While the transport keeps idle connections it also has them tidied every {@link #TIDY_EVERY}, so one the
 * server closed is closed here too, without waiting for the provider's next call.
 */
final class CallWatch implements AutoCloseable {
    enum Abort { TIMEOUT, IDLE, PROVIDER_CLOSED }

    private static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(10);
    /** Below the runtime's slack past a call's timeout (500 ms), so that the provider reports an overrun first. */
    private static final long MAX_TICK = TimeUnit.MILLISECONDS.toNanos(200);
    /** How often the transport's idle connections are looked at while there are any ({@link Transport#tidy()}). */
    static final Duration TIDY_EVERY = Duration.ofSeconds(5);
    private static final long TIDY_NANOS = TIDY_EVERY.toNanos();

    private final long tick;
    private final long idleNanos;
    private final Set<Blocked> blocked = ConcurrentHashMap.newKeySet();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final Transport transport;
    private long tidiedAt = System.nanoTime();
    private volatile boolean idle;
    private volatile boolean busy;
    private volatile boolean closed;

    /** @param transport whose idle connections the watch tidies while it has any */
    CallWatch(String name, Duration timeout, Duration idle, Transport transport) {
        this.transport = transport;
        this.idleNanos = idle.toNanos();
        this.tick = Math.max(MIN_TICK, Math.min(MAX_TICK, Math.min(timeout.toNanos(), idle.toNanos()) / 10));
        this.thread = new DaemonThreads(name).newThread(this::watch);
        thread.start();
    }

    /**
     * Registers the calling thread for one blocking exchange, until {@link Blocked#end()}.
     *
     * @param body the whole body the exchange collects, or {@code null} when it returns at the headers
     */
    Blocked begin(CallDeadline deadline, WholeBody body) {
        Blocked call = new Blocked(Thread.currentThread(), deadline, body);
        blocked.add(call);
        wake();
        if (closed) {
            call.abort(Abort.PROVIDER_CLOSED);
        }
        return call;
    }

    EventStream open(EventStream stream) {
        streams.add(stream);
        stream.onClose(() -> streams.remove(stream));
        wake();
        if (closed) {
            stream.abort(Abort.PROVIDER_CLOSED);
        }
        return stream;
    }

    private void wake() {
        if (!busy) {
            busy = true;
        }
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private void watch() {
        while (!closed) {
            if (!busy && blocked.isEmpty() && streams.isEmpty()) {
                idle = true;
                if (!busy && blocked.isEmpty() && streams.isEmpty() && !closed) {
                    if (transport.needsTidy()) {
                        LockSupport.parkNanos(this, TIDY_NANOS);
                    } else {
                        LockSupport.park(this);
                    }
                }
                idle = false;
            } else {
                busy = false;
                LockSupport.parkNanos(this, tick);
            }
            long now = System.nanoTime();
            for (Blocked call : blocked) {
                Abort why = call.overdue(now);
                if (why != null) {
                    call.abort(why);
                }
            }
            for (EventStream stream : streams) {
                Abort why = stream.overdue(now);
                if (why != null) {
                    stream.abort(why);
                }
            }
            if (now - tidiedAt >= TIDY_NANOS && !closed) {
                tidiedAt = now;
                try {
                    transport.tidy();
                } catch (RuntimeException e) {
                    // a connection that cannot be looked at now is looked at again, or dropped at its next use
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        blocked.forEach(call -> call.abort(Abort.PROVIDER_CLOSED));
        streams.forEach(stream -> stream.abort(Abort.PROVIDER_CLOSED));
    }

    /** One thread in an exchange; the watch interrupts it at most once, and {@link #end()} takes that interrupt back. */
    final class Blocked {
        private static final int RUNNING = 0;
        private static final int ENDED = 1;
        private static final int ABORTING = 2;
        private static final int ABORTED = 3;
        private static final int ABORT_SEEN = 4;

        private final Thread caller;
        private final CallDeadline deadline;
        private final WholeBody body;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile Abort reason;

        private Blocked(Thread caller, CallDeadline deadline, WholeBody body) {
            this.caller = caller;
            this.deadline = deadline;
            this.body = body;
        }

        private Abort overdue(long now) {
            if (deadline.passed(now)) {
                return Abort.TIMEOUT;
            }
            long since = body == null ? 0 : body.waitingSince();
            return since != 0 && now - since >= idleNanos ? Abort.IDLE : null;
        }

        private void abort(Abort why) {
            if (state.compareAndSet(RUNNING, ABORTING)) {
                reason = why;
                caller.interrupt();
                state.set(ABORTED);
            }
        }

        /**
         * Called by the registered thread when its exchange is over; clears the interrupt the watch sent, if any.
         *
         * @return why the watch interrupted the exchange, or {@code null}
         */
        Abort end() {
            blocked.remove(this);
            if (state.compareAndSet(RUNNING, ENDED)) {
                return null;
            }
            while (state.get() == ABORTING) {
                Thread.onSpinWait();
            }
            if (state.compareAndSet(ABORTED, ABORT_SEEN)) {
                Thread.interrupted();
            }
            return reason;
        }
    }
}
