package org.llmrecon.runtime.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.llmrecon.api.plugin.ConfigEntry;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.UsageMetrics;

/** How providers, models and configuration are shown. */
final class ProviderView {
    /** One provider type as listed by {@code llm:providers}. */
    record Row(String type, String plugin, String state, UsageMetrics usage) {
    }

    private ProviderView() {
    }

    static String providers(List<Row> rows) {
        TextTable t = new TextTable("TYPE", "PLUGIN", "STATE", "REQUESTS", "ERRORS", "RETRIES", "TOKENS IN/OUT",
                "P50", "P95", "P99");
        for (Row r : rows) {
            UsageMetrics u = r.usage() == null ? UsageMetrics.EMPTY : r.usage();
            t.row(r.type(), r.plugin(), r.state(), u.requests(), u.errors(), u.retries(),
                    u.promptTokens() + "/" + u.completionTokens(), Text.millis(u.latencyP50()),
                    Text.millis(u.latencyP95()), Text.millis(u.latencyP99()));
        }
        return t.isEmpty() ? "no providers" : t.toString();
    }

    static Map<String, Object> json(Row r) {
        UsageMetrics u = r.usage() == null ? UsageMetrics.EMPTY : r.usage();
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("requests", u.requests());
        usage.put("errors", u.errors());
        usage.put("retries", u.retries());
        usage.put("promptTokens", u.promptTokens());
        usage.put("completionTokens", u.completionTokens());
        usage.put("latencyP50Millis", u.latencyP50().toMillis());
        usage.put("latencyP95Millis", u.latencyP95().toMillis());
        usage.put("latencyP99Millis", u.latencyP99().toMillis());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", r.type());
        v.put("plugin", r.plugin());
        v.put("state", r.state());
        v.put("usage", usage);
        return v;
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
