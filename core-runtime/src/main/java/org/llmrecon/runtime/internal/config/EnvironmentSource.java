package org.llmrecon.runtime.internal.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code LLM_RED_TEAM_<TYPE>_<FIELD>} environment variables: the type
 * upper-cased with {@code -} written as {@code _}, the field the key without
 * its group and dots, upper-cased (APIKEY, BASEURL, ORGID, DEFAULTMODEL,
 * TIMEOUT, MAXRETRIES, REQUESTSPERMINUTE, ...).
 */
final class EnvironmentSource {
    static final String PREFIX = "LLM_RED_TEAM_";

    private static final Map<String, String> FIELDS = fields();

    private final Map<String, String> env;

    EnvironmentSource(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> values(String type) {
        String prefix = PREFIX + type.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_') + "_";
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach((field, key) -> {
            String v = env.get(prefix + field);
            if (v != null) {
                values.put(key, v);
            }
        });
        return values;
    }

    Set<String> types() {
        Set<String> types = new TreeSet<>();
        env.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(k -> FIELDS.keySet().stream()
                .filter(f -> k.endsWith("_" + f) && k.length() > PREFIX.length() + f.length() + 1)
                .findFirst()
                .ifPresent(f -> types.add(k.substring(PREFIX.length(), k.length() - f.length() - 1)
                        .toLowerCase(Locale.ROOT).replace('_', '-'))));
        return types;
    }

    static String variable(String type, String key) {
        return FIELDS.entrySet().stream().filter(e -> e.getValue().equals(key)).findFirst()
                .map(e -> PREFIX + type.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + e.getKey())
                .orElse(null);
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new HashMap<>();
        for (String key : ConfigKeys.KEYS) {
            String field = key.startsWith("retry.") || key.startsWith("rateLimit.") ? key.substring(key.indexOf('.') + 1)
                    : key;
            f.put(field.replace(".", "").toUpperCase(Locale.ROOT), key);
        }
        return Map.copyOf(f);
    }
}
