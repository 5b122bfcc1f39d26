package org.llmrecon.runtime.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.Cost;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.Pricing;
import org.llmrecon.api.runtime.ProviderInstances;
import org.llmrecon.api.runtime.UsageMetrics;

/** How providers, models and configuration are shown. */
final class ProviderView {
    /** One target as listed by {@code llm:providers}. */
    record Row(String target, String type, String plugin, String state, UsageMetrics usage, Map<String, UsageMetrics> usageByModel,
            ProviderInstances instances) {
    }

    private ProviderView() {
    }

    static String providers(List<Row> rows) {
        TextTable t = new TextTable("TARGET", "TYPE", "PLUGIN", "STATE", "REQUESTS", "ERRORS", "RETRIES", "TOKENS IN/OUT",
                "COST", "P50", "P95", "P99", "INSTANCES OPEN/CREATED");
        TextTable byModel = new TextTable("TARGET", "MODEL", "REQUESTS", "ERRORS", "TOKENS IN/OUT", "COST");
        for (Row r : rows) {
            UsageMetrics u = r.usage() == null ? UsageMetrics.EMPTY : r.usage();
            ProviderInstances i = r.instances() == null ? new ProviderInstances(0, 0) : r.instances();
            t.row(r.target(), r.type(), r.plugin(), r.state(), u.requests(), u.errors(), u.retries(),
                    u.promptTokens() + "/" + u.completionTokens(), cost(u.cost()), Text.millis(u.latencyP50()),
                    Text.millis(u.latencyP95()), Text.millis(u.latencyP99()), i.open() + "/" + i.created());
            r.usageByModel().forEach((model, m) -> byModel.row(r.target(), model, m.requests(), m.errors(),
                    m.promptTokens() + "/" + m.completionTokens(), cost(m.cost())));
        }
        if (t.isEmpty()) {
            return "no providers";
        }
        return byModel.isEmpty() ? t.toString() : t + "\n\n" + byModel;
    }

    /** An unknown cost says so: it is never shown as 0. */
    static String cost(Optional<Cost> cost) {
        return cost.map(c -> String.format(Locale.ROOT, "%.6f %s", c.amount(), c.currency())).orElse("unknown");
    }

    private static Object costJson(Optional<Cost> cost) {
        if (cost.isEmpty()) {
            return "unknown";
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount", cost.get().amount());
        v.put("currency", cost.get().currency());
        return v;
    }

    static Map<String, Object> json(Row r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("target", r.target());
        v.put("type", r.type());
        v.put("plugin", r.plugin());
        v.put("state", r.state());
        v.put("usage", json(r.usage()));
        Map<String, Object> byModel = new LinkedHashMap<>();
        r.usageByModel().forEach((model, m) -> byModel.put(model, json(m)));
        v.put("usageByModel", byModel);
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
                + u.promptTokens() + "/" + u.completionTokens() + ", cost " + cost(u.cost()) + ", p50 " + Text.millis(u.latencyP50()) + ", p95 "
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
        usage.put("cost", costJson(u.cost()));
        usage.put("latencyP50Millis", u.latencyP50().toMillis());
        usage.put("latencyP95Millis", u.latencyP95().toMillis());
        usage.put("latencyP99Millis", u.latencyP99().toMillis());
        return usage;
    }

    static String models(List<ModelInfo> models) {
        TextTable t = new TextTable("TYPE", "MODEL", "KIND", "MAX TOKENS", "PRICE IN/OUT PER 1M", "CAPABILITIES");
        models.forEach(m -> t.row(m.provider(), m.id(), m.type(), m.maxTokens() == 0 ? null : m.maxTokens(),
                price(m.pricing()),
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
        if (m.pricing() == null) {
            v.put("pricing", "unknown");
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("inputPerMillionTokens", m.pricing().inputPricePerToken() * 1_000_000d);
            p.put("outputPerMillionTokens", m.pricing().outputPricePerToken() * 1_000_000d);
            p.put("currency", m.pricing().currency());
            v.put("pricing", p);
        }
        return v;
    }

    private static String price(Pricing p) {
        return p == null ? "unknown" : String.format(Locale.ROOT, "%s/%s %s", perMillion(p.inputPricePerToken()),
                perMillion(p.outputPricePerToken()), p.currency());
    }

    private static String perMillion(double perToken) {
        return java.math.BigDecimal.valueOf(perToken * 1_000_000d).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
