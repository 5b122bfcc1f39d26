package org.llmrecon.itests.probe;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets test plugin code hang on purpose until the test releases it, so the
 * hanging thread does not outlive the test framework.
 */
public final class Hang {
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final long LIMIT_MINUTES = 5;

    private Hang() {
    }

    /** Blocks until {@link #release()} (or a safety limit of minutes, should a test forget to). */
    public static void untilReleased() {
        try {
            RELEASE.await(LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets every hanging call go on. */
    public static void release() {
        RELEASE.countDown();
    }
}
