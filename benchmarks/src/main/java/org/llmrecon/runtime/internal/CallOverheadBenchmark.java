package org.llmrecon.runtime.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.provider.mock.MockPlugin;
import org.llmrecon.runtime.internal.resilience.CallGuard;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime adds to a call: {@code direct} calls the mock provider (zero latency) as its plugin
 * created it; {@code managed} makes the same call through the real {@link ProviderHandle} the factory hands
 * out: {@link CallGuard} (Failsafe policies, metrics per model) then {@link ProviderSlot#acquire()} and the
 * in-flight count of {@link ProviderInstance}. Built without OSGi from the runtime's own classes (this class
 * lives in their package), exactly as {@link RuntimeProviderFactory} wires them, with the default resilience
 * settings. Service lookup is measured separately in LookupBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallOverheadBenchmark {
    private Provider direct;
    private ProviderHandle managed;
    private ChatRequest request;
    private PluginCalls callouts;

    @Setup
    public void setUp() {
        MockPlugin plugin = new MockPlugin();
        ProviderConfig config = ProviderConfig.builder("mock").build();
        direct = plugin.createProvider(config);
        callouts = new PluginCalls(Duration.ofSeconds(30));
        managed = new ProviderHandle("mock", callouts, Duration.ZERO, ResilienceSettings.defaults(), m -> { });
        managed.configure(config, ResilienceSettings.defaults());
        managed.serve(candidate(plugin));
        request = ChatRequest.builder().model("mock-chat").user("What is the capital of France?").build();
        managed.chat(request);
    }

    @TearDown
    public void tearDown() {
        managed.unavailable("gone");
        direct.close();
        callouts.deactivate();
    }

    @Benchmark
    public ChatResponse direct() {
        return direct.chat(request);
    }

    @Benchmark
    public ChatResponse managed() {
        return managed.chat(request);
    }

    private static PluginCandidate candidate(PluginInterface plugin) {
        return new PluginCandidate(1L, 0, null, plugin, plugin.getMetadata(), PluginState.ACTIVE, null, false);
    }
}
