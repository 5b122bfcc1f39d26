package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.jar;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Shell commands, file drops into the watched folder and provider calls race
 * for a bounded time: nothing deadlocks, every thread comes back, a command
 * that fails says so in one line, and the stable plugin never fails a call.
 * A watchdog prints every thread's stack when a thread does not come back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConcurrencyIT extends TestSupport {
    private static final Duration RACE = Duration.ofSeconds(15);
    private static final Duration WATCHDOG = Duration.ofSeconds(120);
    private static final String[] COMMANDS = {"llm:plugins", "llm:plugins --json", "llm:providers",
        "llm:providers --json", "llm:plugin echo", "llm:plugin --json mock", "llm:models", "llm:models echo",
        "llm:config mock", "llm:config mock param.latency 0ms", "llm:config mock param.latency 1ms", "llm:dirs",
        "llm:reload mock", "llm:reload itest-echo", "llm:chat mock hello", "llm:chat echo hello"};

    @Inject
    private CommandProcessor shell;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {composite(WatchedFolder.options("watched")),
            // calls arriving while mock is reloaded wait for it; generous for a busy 2-core machine
            frameworkProperty("llmrecon.swap.grace").value("30s")};
    }

    @Test
    public void commandsDropsAndCallsRaceWithoutDeadlockOrFailedCalls() throws Exception {
        WatchedFolder folder = new WatchedFolder(Path.of(context.getProperty(WatchedFolder.PROPERTY)));
        installPlugin(jar("provider-template"));
        awaitState("mock", PluginState.ACTIVE);
        Race race = new Race();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        workers.add(pool.submit(() -> race.drops(folder)));
        workers.add(pool.submit(race::commands));
        workers.add(pool.submit(race::commands));
        workers.add(pool.submit(() -> race.calls("mock")));
        workers.add(pool.submit(() -> race.calls("mock")));
        workers.add(pool.submit(() -> race.calls("echo")));
        try {
            long end = System.nanoTime() + RACE.toNanos();
            while (System.nanoTime() < end && race.unexpected.isEmpty()) {
                long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
                if (deadlocked != null) {
                    fail("deadlock while racing:\n" + threadDump());
                }
                TimeUnit.MILLISECONDS.sleep(200); // the race's own pace, not a wait for a condition
            }
        } finally {
            race.stop.set(true);
            pool.shutdown();
        }
        long deadline = System.nanoTime() + WATCHDOG.toNanos();
        for (Future<?> w : workers) {
            try {
                w.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                fail("a racing thread did not come back within " + WATCHDOG.toSeconds() + " s:\n" + threadDump());
            }
        }
        assertNull("deadlocked threads", ManagementFactory.getThreadMXBean().findDeadlockedThreads());
        System.out.printf("ConcurrencyIT: %d s; %d folder changes, %d commands (%d refused in one line), "
                + "%d mock calls (%d failed), %d echo calls (%d found no echo plugin)%n", RACE.toSeconds(),
                race.fileChanges.get(), race.commands.get(), race.refused.get(), race.mockCalls.get(),
                race.mockFailures.get(), race.echoCalls.get(), race.echoUnavailable.get());

        assertTrue("unexpected failures: " + race.unexpected, race.unexpected.isEmpty());
        assertEquals("failed mock calls", 0, race.mockFailures.get());
        assertTrue("the race ran commands and calls: " + race.commands + "/" + race.mockCalls,
                race.commands.get() > 0 && race.mockCalls.get() > 0 && race.fileChanges.get() > 0);

        folder.clear();
        waitFor(() -> pluginManager.plugin("echo").isEmpty(), DEADLINE, "echo gone with its jar");
        awaitState("mock", PluginState.ACTIVE);
        assertEquals("Echo: after the race", chat("mock", "after the race"));
        assertEquals("mock instances open, all calls done: the current one", 1,
                factory.getProvider("mock").instances().open());
    }

    private final class Race {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong fileChanges = new AtomicLong();
        final AtomicLong commands = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong mockCalls = new AtomicLong();
        final AtomicLong mockFailures = new AtomicLong();
        final AtomicLong echoCalls = new AtomicLong();
        final AtomicLong echoUnavailable = new AtomicLong();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

        /** Drops echo 1.0.0, replaces it by 1.1.0, sometimes adds a sidecar, deletes it all; again. */
        Void drops(WatchedFolder folder) throws Exception {
            Path v1 = jar("itest-echo-plugin");
            Path v2 = jar("itest-echo-update-plugin");
            while (!stop.get()) {
                Path dropped = folder.drop(v1, "echo.jar");
                pause(300);
                folder.replace(dropped, v2);
                pause(300);
                if (ThreadLocalRandom.current().nextBoolean()) {
                    folder.writeSidecar(dropped, "{\"tags\": [\"raced\"]}");
                    pause(200);
                }
                folder.clear();
                fileChanges.addAndGet(3);
                pause(300);
            }
            return null;
        }

        Void commands() throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), print, print);
            try {
                while (!stop.get()) {
                    String command = COMMANDS[ThreadLocalRandom.current().nextInt(COMMANDS.length)];
                    commands.incrementAndGet();
                    try {
                        session.execute(command);
                    } catch (IllegalArgumentException | ProviderUnavailableException e) {
                        refused.incrementAndGet();
                        if (e.getMessage() == null || e.getMessage().contains("\n")) {
                            unexpected.add(command + ": not one line: " + e);
                        }
                    } catch (Exception e) {
                        unexpected.add(command + ": " + e);
                    }
                    out.reset();
                }
            } finally {
                session.close();
            }
            return null;
        }

        Void calls(String type) {
            long n = 0;
            while (!stop.get()) {
                String prompt = type + " call " + n++;
                try {
                    String answer = chat(type, prompt);
                    if (!answer.endsWith(prompt)) {
                        unexpected.add("wrong answer from " + type + ": " + answer);
                    }
                } catch (ProviderUnavailableException e) {
                    if (type.equals("mock")) {
                        mockFailures.incrementAndGet();
                        unexpected.add("mock call failed: " + e.getMessage());
                    } else {
                        echoUnavailable.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    unexpected.add(type + " call: " + e);
                } finally {
                    (type.equals("mock") ? mockCalls : echoCalls).incrementAndGet();
                }
            }
            return null;
        }

        private void pause(int maxMillis) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(maxMillis));
        }
    }

    private static String threadDump() {
        StringBuilder b = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            b.append(t);
        }
        return b.toString();
    }
}
