package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.testing.GarbageCollection;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A thousand cycles of install, use, uninstall and refresh of the {@code mock}
 * plugin: every cycle's class loader is collected, and heap and metaspace
 * after GC come back to within a small margin of where they started.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UnloadProofIT extends TestSupport {
    private static final int WARM_UP = 30;
    private static final int CYCLES = 1_000;
    private static final int MAX_GCS = 30;
    private static final long MIB = 1024 * 1024;
    /**
     * What 1,000 cycles may leave on the heap: 3 KiB a cycle. Measured: about +1.2 to +1.7 MiB, mostly SCR's
     * logger facades (about 1 KiB for every plugin bundle ever started) and its change-count tasks, which end
     * after a few seconds. A plugin bundle kept alive is about 13 KiB, so a leak of one a cycle fails.
     */
    static final long HEAP_MARGIN = 3 * MIB;
    /** Metaspace: about +2.4 MiB in the first 250 cycles (JIT metadata of the runtime's code), then flat. */
    static final long METASPACE_MARGIN = 4 * MIB;
    /** Growth of metaspace from cycle 500 to 1,000 (measured: under 0.1 MiB); 2 KiB a cycle would fail. */
    static final long SECOND_HALF_MARGIN = MIB;

    @Test
    public void thousandCyclesLeaveNoClassLoaderAndNoGrowth() throws Exception {
        Path mockJar = jar("provider-template");
        for (int i = 0; i < WARM_UP; i++) {
            cycle(mockJar, i);
        }
        long[] before = settledMemory();
        assertTrue("this VM reports a Metaspace memory pool", before[1] > 0);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>(CYCLES);
        StringBuilder curve = new StringBuilder();
        long[] half = null;
        long start = System.nanoTime();
        for (int i = 1; i <= CYCLES; i++) {
            loaders.add(cycle(mockJar, i));
            if (i % 250 == 0) {
                long[] m = settledMemory();
                half = i == CYCLES / 2 ? m : half;
                curve.append(String.format(" %d: %.1f/%.1f", i, mib(m[0]), mib(m[1])));
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        int gcs = GarbageCollection.untilCleared(loaders, MAX_GCS);
        long reachable = loaders.stream().filter(l -> l.get() != null).count();
        long[] after = settledMemory();
        System.out.printf("UnloadProofIT: %d cycles in %d s; class loaders collected %d/%d after %d GCs; "
                + "heap after GC %.1f -> %.1f MiB (%+.2f); metaspace %.1f -> %.1f MiB (%+.2f); "
                + "heap/metaspace MiB after cycle%s%n", CYCLES, seconds, CYCLES - reachable, CYCLES, gcs, mib(before[0]),
                mib(after[0]), mib(after[0] - before[0]), mib(before[1]), mib(after[1]), mib(after[1] - before[1]),
                curve);

        assertEquals("class loaders still reachable after " + gcs + " GCs\nplugins now:\n" + describePlugins(), 0,
                reachable);
        assertTrue("heap after GC grew by " + mib(after[0] - before[0]) + " MiB", after[0] - before[0] < HEAP_MARGIN);
        assertTrue("metaspace grew by " + mib(after[1] - before[1]) + " MiB", after[1] - before[1] < METASPACE_MARGIN);
        assertTrue("metaspace still grows in the second half: +" + mib(after[1] - half[1]) + " MiB",
                after[1] - half[1] < SECOND_HALF_MARGIN);
        assertEquals("nothing left listed: " + describePlugins(), 0, pluginManager.plugins().size());
    }

    /** Installs the plugin, chats through it, uninstalls it and refreshes; returns only a weak reference. */
    private WeakReference<ClassLoader> cycle(Path jar, int n) throws Exception {
        Bundle bundle = installPlugin(jar);
        awaitBundle(bundle.getBundleId(), PluginState.ACTIVE);
        assertEquals("Echo: cycle " + n, chat("mock", "cycle " + n));
        WeakReference<ClassLoader> loader = new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader());
        bundle.uninstall();
        refreshPackages(List.of(bundle));
        return loader;
    }

    /** @return heap used and metaspace used, after full GCs */
    private static long[] settledMemory() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
        return new long[] {heap, metaspace};
    }

    private static double mib(long bytes) {
        return bytes / (double) MIB;
    }
}
