package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;

/** The runtime's deadline on every call into a provider, whatever the plugin does. */
class CallDeadlineTest {
    private final PluginCalls calls = new PluginCalls(Duration.ofSeconds(5));
    private final CountingPlugin plugin = new CountingPlugin("a");
    private final CountDownLatch release = new CountDownLatch(1);
    private final ProviderHandle handle = new ProviderHandle("count", calls, Duration.ZERO,
            ResilienceSettings.defaults(), m -> { });

    @AfterEach
    void stop() {
        release.countDown();
        plugin.chatGate = null;
        calls.deactivate();
    }

    private void serveWithTimeout(String timeout) {
        handle.configure(ProviderConfig.builder("count").timeout(Duration.parse("PT" + timeout)).build(),
                ResilienceSettings.defaults());
        handle.serve(plugin.candidate(1));
    }

    @Test
    void aCallPastTheTargetsTimeoutIsAbandonedAndInterrupted() throws Exception {
        serveWithTimeout("0.2S");
        plugin.chatGate = release; // waits, but gives up when interrupted
        ProviderTimeoutException e = assertThrows(ProviderTimeoutException.class,
                () -> handle.chat(ChatRequest.builder().user("hi").build()));
        assertEquals("chat of provider 'count' did not finish within 700ms (the target's timeout): abandoned and "
                + "interrupted", e.getMessage());
        // the interrupted call left the plugin's code, so it no longer counts as in flight
        handle.unavailable("gone");
        assertTrue(waitClosed(), "the instance closed once the interrupted call returned");
        assertEquals(new ProviderInstances(1, 1), handle.instances());
    }

    @Test
    void aPluginIgnoringInterruptionIsNotCalledOnceTooManyCallsAreStuck() {
        Runnable ignoringInterruption = () -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // this plugin ignores interruption on purpose
                }
            }
        };
        for (int i = 0; i < PluginCalls.MAX_ABANDONED; i++) {
            assertThrows(ProviderTimeoutException.class, () -> calls.within("plugin 'stuck'", 7, "chat of provider "
                    + "'stuck'", Duration.ofMillis(20), () -> {
                        ignoringInterruption.run();
                        return "late";
                    }));
        }
        assertEquals(PluginCalls.MAX_ABANDONED, calls.ignoringInterruption(7));
        assertEquals(0, calls.ignoringInterruption(8), "other plugins are not affected");
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> calls.within("plugin 'stuck'", 7, "chat", Duration.ofSeconds(1), () -> "never called"));
        assertEquals("plugin 'stuck' ignores interruption: " + PluginCalls.MAX_ABANDONED + " abandoned calls "
                + "still run; it is not called again until they end", e.getMessage());
        assertEquals("fine", calls.within("plugin 'other'", 8, "chat", Duration.ofSeconds(5), () -> "fine"));
    }

    private boolean waitClosed() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (plugin.closed.get() == 0 && System.nanoTime() < end) {
            synchronized (this) {
                wait(10);
            }
        }
        return plugin.closed.get() == 1;
    }
}
