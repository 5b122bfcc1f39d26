package org.llmrecon.gateway.internal.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginManager;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.runtime.UsageMetrics;
import org.llmrecon.gateway.internal.Targets;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The runtime's numbers, read when scraped: per target the calls, retries,
 * tokens and cost its resilience layer counted (gateway or not), plugins by
 * state and each target's circuit.
 */
final class RuntimeCollectors {
    private RuntimeCollectors() {
    }

    static void register(PrometheusRegistry registry, PluginManager plugins, Targets targets) {
        CounterWithCallback.builder().name("llmrecon_target_calls").help("Calls into each target's provider")
                .labelNames("target").callback(cb -> usage(targets, (t, u) -> cb.call(u.requests(), t)))
                .register(registry);
        CounterWithCallback.builder().name("llmrecon_target_errors").help("Failed calls, after retries")
                .labelNames("target").callback(cb -> usage(targets, (t, u) -> cb.call(u.errors(), t)))
                .register(registry);
        CounterWithCallback.builder().name("llmrecon_target_retries").help("Retries of calls into each target")
                .labelNames("target").callback(cb -> usage(targets, (t, u) -> cb.call(u.retries(), t)))
                .register(registry);
        CounterWithCallback.builder().name("llmrecon_target_tokens").help("Tokens used, by target and kind")
                .labelNames("target", "kind").callback(cb -> usage(targets, (t, u) -> {
                    cb.call(u.promptTokens(), t, "prompt");
                    cb.call(u.completionTokens(), t, "completion");
                })).register(registry);
        CounterWithCallback.builder().name("llmrecon_target_cost").help("Estimated cost, by target and currency")
                .labelNames("target", "currency").callback(cb -> usage(targets, (t, u) -> u.cost()
                        .ifPresent(c -> cb.call(c.amount(), t, c.currency()))))
                .register(registry);
        GaugeWithCallback.builder().name("llmrecon_plugins").help("Plugins by state").labelNames("state")
                .callback(cb -> {
                    List<PluginInfo> all = plugins.plugins();
                    Arrays.stream(PluginState.values()).forEach(s -> cb.call(
                            all.stream().filter(p -> p.state() == s).count(), s.name().toLowerCase()));
                }).register(registry);
        GaugeWithCallback.builder().name("llmrecon_target_circuit")
                .help("1 for the state each target's circuit breaker is in (closed, open, half-open), else 0")
                .labelNames("target", "state").callback(cb -> targets.all().forEach(t -> {
                    for (String state : new String[] {"closed", "open", "half-open"}) {
                        cb.call(state.equals(t.circuit()) ? 1 : 0, t.name(), state);
                    }
                })).register(registry);
        GaugeWithCallback.builder().name("llmrecon_target_available")
                .help("1 while a plugin serves the target, else 0").labelNames("target")
                .callback(cb -> targets.all().forEach(t -> cb.call(t.available() ? 1 : 0, t.name())))
                .register(registry);
    }

    private static void usage(Targets targets,
            BiConsumer<String, UsageMetrics> each) {
        for (String target : targets.names()) {
            try {
                ManagedProvider p = targets.provider(target);
                each.accept(target, p.usageMetrics());
            } catch (RuntimeException e) {
                // a target without a provider now has no numbers to report
            }
        }
    }

}
