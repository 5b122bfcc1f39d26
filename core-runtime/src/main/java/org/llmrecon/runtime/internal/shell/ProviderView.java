package org.llmrecon.runtime.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.api.runtime.UsageMetrics;

/** How providers, models and configuration are shown. */
final class ProviderView {
    /** One provider type as listed by {@code llm:providers}. */
    record Row(String type, String plugin, String state, UsageMetrics usage, ProviderInstances instances) {
    }

    private ProviderView() {
    }

    static String providers(List<Row> rows) {
        TextTable t = new TextTable("TYPE", "PLUGIN", "STATE", "REQUESTS", "ERRORS", "RETRIES", "TOKENS IN/OUT",
                "P50", "P95", "P99", "INSTANCES OPEN/CREATED");
        for (Row r : rows) {
            UsageMetrics u = r.usage() == null ? UsageMetrics.EMPTY : r.usage();
            ProviderInstances i = r.instances() == null ? new ProviderInstances(0, 0) : r.instances();
            t.row(r.type(), r.plugin(), r.state(), u.requests(), u.errors(), u.retries(),
                    u.promptTokens() + "/" + u.completionTokens(), Text.millis(u.latencyP50()),
                    Text.millis(u.latencyP95()), Text.millis(u.latencyP99()), i.open() + "/" + i.created());
        }
        return t.isEmpty() ? "no providers" : t.toString();
    }

    static Map<String, Object> json(Row r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", r.type());
        v.put("plugin", r.plugin());
        v.put("state", r.state());
        v.put("usage", json(r.usage()));
        v.put("instances", json(r.instances()));
        return v;
    }

    /** The usage and instances of the provider a plugin serves, for {@code llm:plugin}; empty when it serves none. */
    static Map<String, Object> served(ManagedProvider provider) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (provider != null) {
            v.put("usage", usage(provider.usageMetrics()));
            provider.usageMetricsByModel().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> v.put("usage " + e.getKey(), usage(e.getValue())));
            ProviderInstances i = provider.instances();
            v.put("instances", i.open() + " open, " + i.created() + " created, " + i.closed() + " closed");
        }
        return v;
    }

    /** @see #served(ManagedProvider) */
    static Map<String, Object> servedJson(ManagedProvider provider) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (provider != null) {
            v.put("usage", json(provider.usageMetrics()));
            Map<String, Object> byModel = new LinkedHashMap<>();
            provider.usageMetricsByModel().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> byModel.put(e.getKey(), json(e.getValue())));
            v.put("usageByModel", byModel);
            v.put("instances", json(provider.instances()));
        }
        return v;
    }

    private static String usage(UsageMetrics u) {
        return u.requests() + " requests, " + u.errors() + " errors, " + u.retries() + " retries, tokens in/out "
                + u.promptTokens() + "/" + u.completionTokens() + ", p50 " + Text.millis(u.latencyP50()) + ", p95 "
                + Text.millis(u.latencyP95()) + ", p99 " + Text.millis(u.latencyP99());
    }

    private static Map<String, Object> json(ProviderInstances instances) {
        ProviderInstances i = instances == null ? new ProviderInstances(0, 0) : instances;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("created", i.created());
        v.put("closed", i.closed());
        v.put("open", i.open());
        return v;
    }

    private static Map<String, Object> json(UsageMetrics metrics) {
        UsageMetrics u = metrics == null ? UsageMetrics.EMPTY : metrics;
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("requests", u.requests());
        usage.put("errors", u.errors());
        usage.put("retries", u.retries());
        usage.put("promptTokens", u.promptTokens());
        usage.put("completionTokens", u.completionTokens());
        usage.put("latencyP50Millis", u.latencyP50().toMillis());
        usage.put("latencyP95Millis", u.latencyP95().toMillis());
        usage.put("latencyP99Millis", u.latencyP99().toMillis());
        return usage;
    }

    static String models(List<ModelInfo> models) {
        TextTable t = new TextTable("TYPE", "MODEL", "KIND", "MAX TOKENS", "CAPABILITIES");
        models.forEach(m -> t.row(m.provider(), m.id(), m.type(), m.maxTokens() == 0 ? null : m.maxTokens(),
                m.capabilities().stream().map(c -> c.name().toLowerCase()).sorted().collect(Collectors.joining(","))));
        return t.isEmpty() ? "no models" : t.toString();
    }

    static Map<String, Object> json(ModelInfo m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("provider", m.provider());
        v.put("type", m.type() == null ? null : m.type().name());
        v.put("maxTokens", m.maxTokens());
        v.put("capabilities", m.capabilities().stream().map(Enum::name).sorted().toList());
        v.put("description", m.description());
        return v;
    }

    static String config(String type, List<ConfigEntry> entries) {
        TextTable t = new TextTable("KEY", "VALUE", "SOURCE");
        entries.forEach(e -> t.row(e.key(), e.value(), e.source()));
        return t.isEmpty() ? "no configuration for '" + Text.clean(type) + "'" : t.toString();
    }
}
