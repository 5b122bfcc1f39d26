package org.llmrecon.gateway.internal.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.PluginInfo;

/** What the page is sent of a plugin and of a configuration value: names and states, never a secret. */
final class ConsoleViews {
    private ConsoleViews() {
    }

    static Map<String, Object> plugin(PluginInfo p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", p.name());
        v.put("providerType", p.providerType());
        v.put("version", p.version());
        v.put("state", p.state().name());
        v.put("reason", p.reason());
        return v;
    }

    /** The value as the configuration manager describes it: a secret's value is already masked there. */
    static Map<String, Object> config(ConfigEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", e.key());
        v.put("value", e.value());
        v.put("source", e.source());
        v.put("secret", e.secret());
        return v;
    }
}
