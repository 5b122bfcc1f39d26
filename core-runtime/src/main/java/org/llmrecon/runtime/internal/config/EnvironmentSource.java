package org.llmrecon.runtime.internal.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads targets from {@code LLM_RED_TEAM_<TARGET>_<FIELD>} environment
 * variables: the target upper-cased with {@code -} and {@code .} written as
 * {@code _}; the field a key without its group and dots, upper-cased
 * (TYPE, APIKEY, BASEURL, ORGID, DEFAULTMODEL, TIMEOUT, MAXRETRIES, ...; or with
 * {@code _} between the words: API_KEY, BASE_URL, ...), or
 * {@code PARAM_<KEY>} (the parameter lower-cased) or {@code HEADER_<NAME>}
 * (lower-cased, {@code _} written as {@code -}). {@code LLM_RED_TEAM_LOCAL_TYPE=openai}
 * alone defines the target {@code local}.
 */
final class EnvironmentSource {
    static final String PREFIX = "LLM_RED_TEAM_";
    private static final String PARAM = "_PARAM_";
    private static final String HEADER = "_HEADER_";

    private static final Map<String, String> FIELDS = fields();

    /** Values by the environment's spelling of a target, e.g. {@code MY_LOCAL}. */
    private final Map<String, Map<String, String>> byTarget;

    EnvironmentSource(Map<String, String> env) {
        Map<String, Map<String, String>> m = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && !name.equals(org.llmrecon.api.runtime.RuntimeProperties.SECRETS_KEY_FILE_ENV)) {
                parse(name.substring(PREFIX.length()), value, m);
            }
        });
        this.byTarget = Map.copyOf(m);
    }

    /** @return the target's values, {@code type} among them when the environment gives it */
    Map<String, String> values(String target) {
        return byTarget.getOrDefault(spelling(target), Map.of());
    }

    /** @return the targets the environment names, as target names (lower case, {@code _} as {@code -}) */
    Set<String> targets() {
        Set<String> targets = new TreeSet<>();
        byTarget.keySet().forEach(t -> targets.add(t.toLowerCase(Locale.ROOT).replace('_', '-')));
        return targets;
    }

    /** @return the variable that sets the key of the target, or {@code null} when no variable can */
    static String variable(String target, String key) {
        if (key.startsWith("param.")) {
            return PREFIX + spelling(target) + PARAM + key.substring(6).toUpperCase(Locale.ROOT);
        }
        if (key.startsWith("header.")) {
            return PREFIX + spelling(target) + HEADER + key.substring(7).toUpperCase(Locale.ROOT).replace('-', '_');
        }
        return FIELDS.entrySet().stream().filter(e -> e.getValue().equals(key)).findFirst()
                .map(e -> PREFIX + spelling(target) + "_" + e.getKey()).orElse(null);
    }

    static String spelling(String target) {
        return target.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    private static void parse(String rest, String value, Map<String, Map<String, String>> into) {
        int p = rest.indexOf(PARAM);
        int h = rest.indexOf(HEADER);
        if (p > 0 && (h < 0 || p < h) && rest.length() > p + PARAM.length()) {
            put(into, rest.substring(0, p), "param." + rest.substring(p + PARAM.length()).toLowerCase(Locale.ROOT), value);
            return;
        }
        if (h > 0 && rest.length() > h + HEADER.length()) {
            put(into, rest.substring(0, h), "header." + rest.substring(h + HEADER.length()).toLowerCase(Locale.ROOT)
                    .replace('_', '-'), value);
            return;
        }
        // the longest field that ends the name wins: _API_KEY before _KEY
        FIELDS.keySet().stream().filter(f -> rest.endsWith("_" + f) && rest.length() > f.length() + 1)
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .ifPresent(f -> put(into, rest.substring(0, rest.length() - f.length() - 1), FIELDS.get(f), value));
    }

    private static void put(Map<String, Map<String, String>> into, String target, String key, String value) {
        into.computeIfAbsent(target, t -> new TreeMap<>()).put(key, value);
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new HashMap<>();
        for (String key : ConfigKeys.KEYS) {
            String field = key.startsWith("retry.") || key.startsWith("rateLimit.") ? key.substring(key.indexOf('.') + 1)
                    : key;
            f.put(field.replace(".", "").toUpperCase(Locale.ROOT), key);
            // the original framework's spelling too: API_KEY, BASE_URL, MAX_RETRIES
            f.put(field.replace(".", "_").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT), key);
        }
        f.put("TYPE", "type");
        return Map.copyOf(f);
    }
}
