package org.llmrecon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code ProviderFactory.getProvider(type)} on the real factory service of a Felix started in the benchmark
 * JVM with the runtime bundles and {@code plugins} generated provider plugins installed (core-api is shared
 * from the class path so the benchmark can call the service without reflection).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LookupBenchmark {
    @Param({"1", "1000"})
    public int plugins;

    private Path work;
    private Framework framework;
    private ProviderFactory factory;
    private String type;

    @Setup
    public void setUp() throws Exception {
        work = Files.createTempDirectory("llmrecon-lookup");
        Map<String, String> props = Felixes.properties(work.resolve("cache"));
        Felixes.watch(props, work.resolve("empty"), 1000);
        Felixes.shareApi(props);
        List<Path> bundles = new ArrayList<>(Bundles.base());
        bundles.addAll(Felixes.runtimeWithoutApi());
        Path gen = Files.createDirectories(work.resolve("generated"));
        for (int i = 0; i < plugins; i++) {
            bundles.add(GeneratedBundles.plugin(gen, i));
        }
        framework = Felixes.start(props, bundles);
        ServiceTracker<ProviderFactory, ProviderFactory> t =
                new ServiceTracker<>(framework.getBundleContext(), ProviderFactory.class, null);
        t.open();
        factory = t.waitForService(60_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        for (int i = 0; i < plugins; i++) {
            awaitProvider(GeneratedBundles.type(i), deadline);
        }
        type = GeneratedBundles.type(plugins / 2);
    }

    private void awaitProvider(String t, long deadline) throws InterruptedException {
        for (;;) {
            try {
                factory.getProvider(t);
                return;
            } catch (ProviderUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        Felixes.stop(framework);
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public ManagedProvider getProvider() {
        return factory.getProvider(type);
    }
}
