package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.ProviderInstances;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Eight threads call {@code mock} without pause while its bundle is updated
 * 200 times and uninstalled and installed again 50 times: no call fails,
 * calls arriving during a swap wait for the replacement, calls in flight
 * finish on the old instance, and every instance is closed exactly once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapUnderLoadIT extends TestSupport {
    private static final int CALLERS = 8;
    private static final int UPDATES = 200;
    private static final int REINSTALLS = 50;

    @Inject
    private ConfigManager configs;

    @Override
    protected Option[] extraOptions() {
        // the wait for a replacement is bounded; generous here, as a shared 2-core machine can be slow to restart a bundle
        return new Option[] {frameworkProperty("llmrecon.swap.grace").value("30s")};
    }

    @Test
    public void noCallFailsWhileTheProviderIsUpdatedAndReinstalled() throws Exception {
        Path mockJar = jar("provider-template");
        // each call spends a moment in the provider, so swaps find calls in flight
        configs.set("mock", "param.latency", "1ms");
        Bundle bundle = installPlugin(mockJar);
        awaitState("mock", PluginState.ACTIVE);
        ManagedProvider mock = factory.getProvider("mock");

        Load load = new Load();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            callers.add(pool.submit(() -> load.run(caller)));
        }
        int updates = 0;
        int reinstalls = 0;
        try {
            for (int swap = 1; swap <= UPDATES + REINSTALLS; swap++) {
                if (swap % 5 == 0) {
                    bundle.uninstall();
                    refreshPackages(List.of(bundle));
                    bundle = installPlugin(mockJar);
                    reinstalls++;
                } else {
                    try (InputStream in = Files.newInputStream(mockJar)) {
                        bundle.update(in);
                    }
                    updates++;
                }
                // at least CALLERS calls begin after the swap: every generation of the plugin serves
                long target = load.ok.get() + 2L * CALLERS;
                int done = swap;
                waitFor(() -> load.ok.get() >= target || !load.failures.isEmpty(), DEADLINE,
                        () -> "calls served after swap " + done);
            }
        } finally {
            load.stop.set(true);
            pool.shutdown();
        }
        for (Future<?> f : callers) {
            f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        assertTrue("pool stopped", pool.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS));

        bundle.uninstall();
        refreshPackages(List.of(bundle));
        waitFor(() -> mock.instances().open() == 0, DEADLINE, () -> "every instance closed: " + mock.instances());
        ProviderInstances instances = mock.instances();
        System.out.printf("HotSwapUnderLoadIT: %d calls (%d streamed) by %d threads, %d failed; %d updates, "
                + "%d reinstalls; %d instances created, %d closed, %d open; %d retries by the runtime; "
                + "longest call %d ms%n", load.ok.get() + load.failed.get(), load.streamed.get(), CALLERS,
                load.failed.get(), updates, reinstalls, instances.created(), instances.closed(), instances.open(),
                mock.usageMetrics().retries(), TimeUnit.NANOSECONDS.toMillis(load.longest.get()));

        assertEquals("failed calls, first ones: " + load.failures, 0, load.failed.get());
        assertEquals(UPDATES, updates);
        assertEquals(REINSTALLS, reinstalls);
        assertTrue("an instance per generation of the plugin at least: " + instances,
                instances.created() >= UPDATES + REINSTALLS + 1);
        assertEquals("every instance created was closed, once: " + instances, instances.created(), instances.closed());
    }

    /** The callers: half keep one handle, half look the provider up for every call; some stream. */
    private final class Load {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong streamed = new AtomicLong();
        final LongAccumulator longest = new LongAccumulator(Math::max, 0);
        final Queue<String> failures = new ConcurrentLinkedQueue<>();

        void run(int caller) {
            ManagedProvider held = factory.getProvider("mock");
            long n = 0;
            while (!stop.get()) {
                String prompt = "call " + caller + "." + n++;
                long start = System.nanoTime();
                try {
                    ManagedProvider p = caller % 2 == 0 ? held : factory.getProvider("mock");
                    ChatRequest request = ChatRequest.builder().user(prompt).build();
                    String answer;
                    if (caller % 4 == 1) {
                        answer = p.chatStream(request, chunk -> true).text();
                        streamed.incrementAndGet();
                    } else {
                        answer = p.chat(request).text();
                    }
                    if (!("Echo: " + prompt).equals(answer)) {
                        throw new IllegalStateException("wrong answer '" + answer + "' to '" + prompt + "'");
                    }
                    ok.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    if (failures.size() < 10) {
                        failures.add(e.toString());
                    }
                } finally {
                    longest.accumulate(System.nanoTime() - start);
                }
            }
        }
    }
}
