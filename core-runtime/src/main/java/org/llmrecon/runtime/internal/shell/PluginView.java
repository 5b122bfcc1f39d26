package org.llmrecon.runtime.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.plugin.PluginMetadata;

/** How plugins and plugin checks are shown: a table, a detail list, or JSON. */
final class PluginView {
    private PluginView() {
    }

    static String table(List<PluginInfo> plugins) {
        TextTable t = new TextTable("NAME", "TYPE", "VERSION", "STATE", "BUNDLE", "REASON");
        plugins.forEach(p -> t.row(p.name(), p.providerType(), p.version(), p.state(),
                p.bundleId() < 0 ? null : p.bundleId(), p.reason()));
        return t.isEmpty() ? "no plugins" : t.toString();
    }

    /** @param more further lines, after the metadata */
    static String detail(PluginInfo p, Map<String, Object> more) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", p.name());
        v.put("type", p.providerType());
        v.put("version", p.version());
        v.put("state", p.state());
        v.put("reason", p.reason());
        v.put("location", p.location());
        v.put("bundle", p.bundleId() < 0 ? null : p.bundleId());
        v.put("legacy", p.legacy() ? "yes" : null);
        metadata(p.metadata(), v);
        v.putAll(more);
        return Text.keyValues(v);
    }

    static String check(PluginCheck c) {
        PluginMetadata m = c.metadata();
        String details = ((m.name() == null ? "" : m.name() + " ") + (m.version() == null ? "" : m.version() + " ")
                + (m.providerType() == null ? "" : "(type " + m.providerType() + ")")).strip();
        String what = c.file().getFileName() + (details.isEmpty() ? "" : ": " + details);
        if (!c.valid()) {
            throw new IllegalArgumentException(what + ": invalid: " + Text.clean(String.join("; ",
                    c.problems())));
        }
        return what + ": valid";
    }

    static Map<String, Object> json(PluginInfo p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", p.name());
        v.put("providerType", p.providerType());
        v.put("version", p.version());
        v.put("state", p.state().name());
        v.put("reason", p.reason());
        v.put("location", p.location());
        v.put("bundleId", p.bundleId());
        v.put("legacy", p.legacy());
        PluginMetadata m = p.metadata();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("author", m.author());
        meta.put("description", m.description());
        meta.put("supportedModels", m.supportedModels());
        meta.put("minFrameworkVersion", m.minFrameworkVersion());
        meta.put("maxFrameworkVersion", m.maxFrameworkVersion());
        meta.put("tags", m.tags());
        v.put("metadata", meta);
        return v;
    }

    private static void metadata(PluginMetadata m, Map<String, Object> v) {
        v.put("author", m.author());
        v.put("description", m.description());
        v.put("models", Text.list(m.supportedModels()));
        if (m.minFrameworkVersion() != null || m.maxFrameworkVersion() != null) {
            v.put("framework", "[" + (m.minFrameworkVersion() == null ? "" : m.minFrameworkVersion()) + ", "
                    + (m.maxFrameworkVersion() == null ? "" : m.maxFrameworkVersion()) + "]");
        }
        v.put("tags", Text.list(m.tags()));
    }
}
