package org.llmrecon.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.launcher.LlmRecon;
import org.llmrecon.api.plugin.PluginInterface;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What the runtime adds to a call: {@code direct} calls a mock provider (zero latency) that the template's
 * plugin service created, bypassing the runtime; {@code managed} makes the same call through the provider
 * the runtime's {@code ProviderFactory} hands out (resilience policies, metrics per model, the slot and
 * in-flight count), in the runtime embedded with {@link LlmRecon} and the template installed as a bundle.
 * Service lookup is measured separately in LookupBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallOverheadBenchmark {
    private static final String TEMPLATE = "org.llmrecon.provider-template";
    private Provider direct;
    private LlmRecon llm;
    private ManagedProvider managed;
    private ChatRequest request;

    @Setup
    public void setUp() {
        llm = LlmRecon.builder().bundle(Bundles.plugin("provider-template")).start();
        managed = EmbeddedRuntime.awaitProvider(llm, "mock", Duration.ofSeconds(60));
        BundleContext context = llm.framework().getBundleContext();
        try {
            ServiceReference<PluginInterface> plugin = context.getServiceReferences(PluginInterface.class, null)
                    .stream().filter(r -> TEMPLATE.equals(r.getBundle().getSymbolicName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no plugin service from " + TEMPLATE));
            direct = context.getService(plugin).createProvider(ProviderConfig.builder("mock").build());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        request = ChatRequest.builder().model("mock-chat").user("What is the capital of France?").build();
        managed.chat(request);
    }

    @TearDown
    public void tearDown() {
        direct.close();
        llm.close();
    }

    @Benchmark
    public ChatResponse direct() {
        return direct.chat(request);
    }

    @Benchmark
    public ChatResponse managed() {
        return managed.chat(request);
    }
}
