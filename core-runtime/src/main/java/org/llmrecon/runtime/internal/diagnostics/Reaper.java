package org.llmrecon.runtime.internal.diagnostics;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;

/**
 * Forgets the records of objects the collector took, when it takes them: a
 * weak reference made with {@link #queue()} is handed to its
 * {@link Collected#collected()} on a daemon thread as soon as the collector
 * has cleared it, so that bookkeeping about uninstalled plugins (a class
 * loader watched for leaks, a dropped target's handle) goes with them, not at
 * the next plugin event, which may never come. The thread blocks on the
 * queue: it costs nothing while nothing is collected. It is started by the
 * owning component's activation (so it inherits no plugin's context class
 * loader or protection domain) and ended by its deactivation.
 */
public final class Reaper {
    /** A weak reference whose record is dropped once its referent is collected. */
    public interface Collected {
        /** Called once, on the reaper's thread, after the referent was collected. */
        void collected();
    }

    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Thread thread;

    /** @param name the thread's name; the thread starts now */
    public Reaper(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Reaper.class.getClassLoader());
        thread.start();
    }

    /** @return the queue to make the references with; each must implement {@link Collected} */
    @SuppressWarnings("unchecked")
    public <T> ReferenceQueue<T> queue() {
        return (ReferenceQueue<T>) queue;
    }

    /** Ends the thread; references collected from now on stay queued. */
    public void close() {
        thread.interrupt();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Reference<?> r = queue.remove();
                if (r instanceof Collected c) {
                    try {
                        c.collected();
                    } catch (RuntimeException e) {
                        // a record that cannot be dropped stays; the next ones still go
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }
}
