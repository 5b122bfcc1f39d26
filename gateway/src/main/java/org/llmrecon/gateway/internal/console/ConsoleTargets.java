package org.llmrecon.gateway.internal.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.UsageMetrics;
import org.llmrecon.gateway.internal.Targets;

/** The targets the console lists, each with its usage so far. */
final class ConsoleTargets {
    private final Targets targets;

    ConsoleTargets(Targets targets) {
        this.targets = targets;
    }

    /**
     * @return one view per target, by name: its type and usage so far, or the runtime's one line on why it
     *         cannot be used now
     */
    List<Map<String, Object>> views() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (String name : targets.names()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", name);
            try {
                ManagedProvider provider = targets.provider(name);
                v.put("type", provider.type());
                v.put("available", true);
                v.put("metrics", metrics(provider.usageMetrics()));
            } catch (ProviderException e) {
                v.put("available", false);
                v.put("reason", e.getMessage());
            }
            views.add(v);
        }
        return views;
    }

    private static Map<String, Object> metrics(UsageMetrics m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("requests", m.requests());
        v.put("errors", m.errors());
        v.put("retries", m.retries());
        v.put("promptTokens", m.promptTokens());
        v.put("completionTokens", m.completionTokens());
        v.put("latencyP50Ms", m.latencyP50().toMillis());
        v.put("latencyP95Ms", m.latencyP95().toMillis());
        v.put("latencyP99Ms", m.latencyP99().toMillis());
        v.put("cost", m.cost().map(c -> Map.of("amount", c.amount(), "currency", c.currency())).orElse(null));
        return v;
    }
}
