package org.llmrecon.runtime.internal.shell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigVersion;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.TargetInfo;
import org.llmrecon.runtime.internal.config.ProviderConfigurations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code llm:targets}, {@code target add|remove} and {@code config} with its
 * {@code history}, {@code rollback} and {@code encrypt} words.
 */
@Component(service = TargetCommands.class, property = {"osgi.command.scope=llm",
        "osgi.command.function=targets", "osgi.command.function=target", "osgi.command.function=config"})
public final class TargetCommands {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ProviderFactory factory;
    private final ProviderConfigurations configs;

    /** @param factory the provider factory @param configs the configuration */
    @Activate
    public TargetCommands(@Reference ProviderFactory factory, @Reference ProviderConfigurations configs) {
        this.factory = factory;
        this.configs = configs;
    }

    /** @param json whether to write JSON @return every target with its type, source and state */
    @Descriptor("list the targets: each type's default target and every configured one, with its state")
    public String targets(@Descriptor("write JSON") @Parameter(names = "--json", presentValue = "true",
            absentValue = "false") boolean json) {
        List<TargetInfo> all = factory.targets();
        if (json) {
            return Text.json(all.stream().map(TargetCommands::json).toList());
        }
        TextTable t = new TextTable("TARGET", "TYPE", "SOURCE", "STATE", "CIRCUIT", "REASON");
        all.forEach(i -> t.row(i.name(), i.type(), i.source(), i.available() ? "AVAILABLE" : "UNAVAILABLE",
                i.circuit(), i.reason().orElse(null)));
        return t.isEmpty() ? "no targets" : t.toString();
    }

    /**
     * @param action {@code add} or {@code remove}
     * @param name the target
     * @param rest for add: the type, then KEY=VALUE pairs
     * @return what was done
     */
    @Descriptor("add a target (target add NAME TYPE [KEY=VALUE ...]) or remove one the runtime stored"
            + " (target remove NAME)")
    public String target(@Descriptor("add or remove") String action, @Descriptor("target name") String name,
            @Descriptor("for add: the provider type, then KEY=VALUE pairs") String... rest) {
        switch (action) {
            case "add" -> {
                if (rest.length == 0) {
                    throw new IllegalArgumentException("usage: target add NAME TYPE [KEY=VALUE ...]");
                }
                Map<String, String> values = new TreeMap<>();
                for (int i = 1; i < rest.length; i++) {
                    int eq = rest[i].indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("'" + Text.clean(rest[i].replaceAll("=.*", "=…"))
                                + "' is not KEY=VALUE");
                    }
                    values.put(rest[i].substring(0, eq), rest[i].substring(eq + 1));
                }
                configs.addTarget(name, rest[0], values);
                return "added target " + Text.clean(name) + " of type " + Text.clean(rest[0]) + stored() + "\n"
                        + state(name);
            }
            case "remove" -> {
                configs.removeTarget(name);
                return "removed target " + Text.clean(name);
            }
            default -> throw new IllegalArgumentException("unknown action '" + Text.clean(action)
                    + "': use target add NAME TYPE [KEY=VALUE ...] or target remove NAME");
        }
    }

    /** @param target a target, or {@code encrypt} for every target @return its configuration */
    @Descriptor("show a target's effective configuration and where each value comes from (secrets masked);"
            + " 'config encrypt' encrypts the plain-text secrets of every target's file")
    public String config(@Descriptor("target") String target) {
        if ("encrypt".equals(target)) {
            return encrypted(configs.encrypt(null));
        }
        List<ConfigEntry> entries = configs.describe(target);
        TextTable t = new TextTable("KEY", "VALUE", "SOURCE");
        entries.forEach(e -> t.row(e.key(), e.value(), e.source()));
        return t.isEmpty() ? "no configuration for '" + Text.clean(target) + "'" : t.toString();
    }

    /** @param word history, rollback or encrypt @param target a target @return the result */
    @Descriptor("config history TARGET: its kept versions; config rollback TARGET: back to the version before;"
            + " config encrypt TARGET: encrypt its plain-text secrets")
    public String config(@Descriptor("history, rollback or encrypt") String word,
            @Descriptor("target") String target) {
        return switch (word) {
            case "history" -> history(target, configs.history(target));
            case "rollback" -> rollback(target, 0);
            case "encrypt" -> encrypted(configs.encrypt(target));
            default -> throw new IllegalArgumentException("'" + Text.clean(word) + "' is not history, rollback or"
                    + " encrypt; to set a value: config TARGET KEY VALUE");
        };
    }

    /**
     * @param target a target, or {@code rollback}
     * @param key a key, or the target to roll back
     * @param value the value (empty removes the key), or the version to roll back to
     * @return what was done
     */
    @Descriptor("config TARGET KEY VALUE: set one value (checked by the plugin, written to the configuration"
            + " folder, secrets encrypted; an empty value removes it); config rollback TARGET VERSION")
    public String config(@Descriptor("target, or rollback") String target,
            @Descriptor("key, e.g. apiKey, baseUrl, timeout, defaultModel, retry.maxRetries") String key,
            @Descriptor("the value") String value) {
        if ("rollback".equals(target)) {
            try {
                return rollback(key, Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + Text.clean(value) + "' is not a version number");
            }
        }
        configs.set(target, key, value.isEmpty() ? null : value);
        ConfigEntry now = configs.describe(target).stream().filter(e -> e.key().equals(key)).findFirst()
                .orElse(null);
        boolean secret = value.isEmpty() || now != null && now.secret();
        String shadow = now != null && now.source().equals("env") ? "; the environment's value takes precedence"
                : "";
        return (value.isEmpty() ? "removed " : "set ") + Text.clean(target) + " " + Text.clean(key)
                + (secret ? "" : " = " + Text.clean(value)) + stored() + shadow;
    }

    private String rollback(String target, int version) {
        configs.rollback(target, version);
        List<ConfigVersion> h = configs.history(target);
        return "rolled back " + Text.clean(target) + (version == 0 ? "" : " to version " + version)
                + (h.isEmpty() ? "" : "; now version " + h.get(h.size() - 1).version());
    }

    private String stored() {
        return configs.folder() == null ? " (in memory: no configuration folder)" : "";
    }

    private String state(String name) {
        return factory.target(name).map(i -> i.available() ? "available"
                : "not available yet: " + i.reason().orElse("")).orElse("");
    }

    private static String encrypted(int count) {
        return count == 0 ? "no plain-text secrets to encrypt" : "encrypted " + count + " secret"
                + (count == 1 ? "" : "s");
    }

    private static String history(String target, List<ConfigVersion> versions) {
        TextTable t = new TextTable("VERSION", "TIME (UTC)", "CHANGE", "CHANGED KEYS", "VALUES");
        versions.forEach(v -> t.row(v.version(), TIME.format(v.time()), v.change(),
                String.join(",", new java.util.TreeSet<>(v.changedKeys())), new TreeMap<>(v.values()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "))));
        return t.isEmpty() ? "no kept versions of '" + Text.clean(target) + "'" : t.toString();
    }

    private static Map<String, Object> json(TargetInfo i) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", i.name());
        v.put("type", i.type());
        v.put("source", i.source());
        v.put("available", i.available());
        v.put("reason", i.reason().orElse(null));
        v.put("circuit", i.circuit());
        return v;
    }
}
