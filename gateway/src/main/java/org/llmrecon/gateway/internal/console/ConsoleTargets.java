package org.llmrecon.gateway.internal.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.api.runtime.UsageMetrics;
import org.llmrecon.gateway.internal.Targets;

/** The targets the console lists, each with its usage so far. */
final class ConsoleTargets {
    private final Targets targets;

    ConsoleTargets(Targets targets) {
        this.targets = targets;
    }

    /**
     * @return one view per target the runtime lists: its type, where it is defined, its circuit and usage so far,
     *         or the runtime's one line on why it cannot be used now
     */
    List<Map<String, Object>> views() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (TargetInfo t : targets.all()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", t.name());
            v.put("type", t.type());
            v.put("source", t.source());
            v.put("circuit", t.circuit());
            String reason = t.reason().orElse(null);
            if (reason == null) {
                try {
                    v.put("metrics", metrics(targets.provider(t.name()).usageMetrics()));
                } catch (ProviderException e) {
                    reason = e.getMessage();
                }
            }
            v.put("available", reason == null);
            v.put("reason", reason);
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
