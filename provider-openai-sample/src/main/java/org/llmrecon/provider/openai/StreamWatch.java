package org.llmrecon.provider.openai;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches the open streams of one provider: aborts a stream that waits longer than the timeout for its
 * next event (the JDK's request timeout ends when the headers arrive), and aborts all of them on close so
 * no caller stays blocked on a provider that is gone.
 */
final class StreamWatch implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    StreamWatch(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new DaemonThreads(name));
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    EventStream open(EventStream stream) {
        open.add(stream);
        stream.onClose(() -> open.remove(stream));
        schedule(stream, stream.timeout().toNanos());
        return stream;
    }

    private void schedule(EventStream stream, long delayNanos) {
        try {
            timer.schedule(() -> check(stream), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            stream.abort(EventStream.Abort.PROVIDER_CLOSED);
        }
    }

    private void check(EventStream stream) {
        if (!open.contains(stream)) {
            return;
        }
        long left = stream.nanosUntilIdleTimeout(System.nanoTime());
        if (left <= 0) {
            stream.abort(EventStream.Abort.TIMEOUT);
        } else {
            schedule(stream, left);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (EventStream stream : open) {
            stream.abort(EventStream.Abort.PROVIDER_CLOSED);
        }
    }
}
