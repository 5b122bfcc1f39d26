package org.llmrecon.itests.plugins.faults;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Where hanging plugin calls wait: deaf to interrupts, released when the component is deactivated. */
final class Stop {
    private static final long LIMIT_NANOS = TimeUnit.MINUTES.toNanos(2);
    private final CountDownLatch released = new CountDownLatch(1);

    void release() {
        released.countDown();
    }

    /** Blocks until {@link #release()}, or a safety limit should the framework never deactivate us. */
    void await() {
        long end = System.nanoTime() + LIMIT_NANOS;
        boolean interrupted = false;
        while (released.getCount() > 0 && System.nanoTime() < end) {
            try {
                released.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
