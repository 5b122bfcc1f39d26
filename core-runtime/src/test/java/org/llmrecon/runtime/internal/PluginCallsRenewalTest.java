package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.testing.GarbageCollection;

/** A value plugin code leaves in a thread local of a call thread goes once a bundle goes. */
class PluginCallsRenewalTest {
    /** What a library of a plugin does: a per-thread cache, reachable for as long as the thread lives. */
    private static final ThreadLocal<Object> CACHE = new ThreadLocal<>();
    private final PluginCalls calls = new PluginCalls(Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        calls.deactivate();
    }

    @Test
    void aThreadLocalValueLeftByAPluginIsReleasedWhenTheThreadsAreRenewed() throws Exception {
        Thread[] ran = new Thread[1];
        WeakReference<Object> value = leaveValue(ran);
        GarbageCollection.untilCleared(List.of(value), 2);
        assertTrue(value.get() != null, "the thread keeps the value while it lives");

        calls.renew();

        ran[0].join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(ran[0].isAlive(), "the idle thread ended");
        GarbageCollection.untilCleared(List.of(value), 20);
        assertNull(value.get(), "the value left in the thread local is collectable");
        Thread next = calls.within("plugin 'p'", 7, "chat", Duration.ofSeconds(5), Thread::currentThread);
        assertNotSame(ran[0], next, "calls run on a new thread");
        assertNull(calls.within("plugin 'p'", 7, "chat", Duration.ofSeconds(5), CACHE::get));
    }

    @Test
    void aCallRunningWhileTheThreadsAreRenewedFinishesAndItsThreadEndsAfterIt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread caller = new Thread(() -> answer.set(calls.within("plugin 'p'", 7, "chat", Duration.ofSeconds(30), () -> {
            worker.set(Thread.currentThread());
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        })));
        caller.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));

        calls.renew();
        assertEquals("fresh", calls.within("plugin 'p'", 7, "chat", Duration.ofSeconds(5), () -> "fresh"),
                "a call made meanwhile runs on the new executor");
        assertTrue(worker.get().isAlive(), "the busy thread is not interrupted");
        release.countDown();
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals("done", answer.get());
        worker.get().join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(worker.get().isAlive(), "the thread ends after its call");
    }

    @Test
    void afterTheRuntimeStopsNoCallIsMadeAndRenewalIsIgnored() {
        calls.deactivate();
        calls.renew();
        assertThrows(ProviderUnavailableException.class,
                () -> calls.within("plugin 'p'", 7, "chat", Duration.ofSeconds(5), () -> "never"));
        assertThrows(PluginCalls.CallException.class, () -> calls.call("getMetadata()", () -> "never"));
    }

    /** In a method of its own, so that no frame of the test keeps the value. */
    private WeakReference<Object> leaveValue(Thread[] ran) {
        Object value = new Object();
        calls.within("plugin 'p'", 7, "chat", Duration.ofSeconds(5), () -> {
            CACHE.set(value);
            ran[0] = Thread.currentThread();
            return null;
        });
        return new WeakReference<>(value);
    }
}
