package org.llmrecon.runtime.internal.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.Secret;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.runtime.ConfigVersion;
import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.Secrets;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link ConfigManager}: reads the targets through {@link ConfigLayers},
 * checks every change with the plugin of the target's type
 * ({@link ConfigCheck}; refused when it brings a problem the target did not
 * have) and stores it through {@link TargetStore}. It follows
 * Config Admin's factory configurations of {@value EtcSettings#PID} as a
 * {@link ConfigurationListener} rather than as components, so that no
 * service carries a configuration's secrets as properties.
 */
@Component(service = {ConfigManager.class, ProviderConfigurations.class, ConfigurationListener.class})
public final class ProviderConfigurations implements ConfigManager, ConfigurationListener {
    /** Words of {@code llm:config} that cannot name a target. */
    static final Set<String> RESERVED = Set.of("history", "rollback", "encrypt");
    private static final Pattern NAME = Pattern.compile(TARGET_NAME);

    private final ConfigLayers layers;
    private final TargetStore store;
    private final ConfigurationAdmin admin;
    private final AppliedFiles applied;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Object writing = new Object();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigCheck check;

    /**
     * @param context the runtime bundle's context
     * @param admin Config Admin, whose configurations are one source
     * @param secrets seals and opens stored secrets
     */
    @Activate
    public ProviderConfigurations(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference Secrets secrets) {
        this(System.getenv(), path(context.getProperty(RuntimeProperties.CONFIG_JSON)),
                path(firstFolder(context.getProperty(RuntimeProperties.ETC_DIR))), secrets, admin,
                new AppliedFiles(context));
    }

    ProviderConfigurations(Map<String, String> environment, Path jsonFile, Path etc, Secrets secrets,
            ConfigurationAdmin admin) {
        this(environment, jsonFile, etc, secrets, admin, new AppliedFiles(null));
    }

    private ProviderConfigurations(Map<String, String> environment, Path jsonFile, Path etc, Secrets secrets,
            ConfigurationAdmin admin, AppliedFiles applied) {
        this.applied = applied;
        TargetFiles files = new TargetFiles(etc);
        this.layers = new ConfigLayers(new EnvironmentSource(environment), new JsonFileSource(jsonFile), files);
        this.store = new TargetStore(files, secrets);
        this.admin = admin;
        if (admin != null) {
            readAll();
        }
    }

    /** @param c tells whether the plugin of a type accepts a configuration */
    void setCheck(ConfigCheck c) {
        check = c;
    }

    /** @param listener told the target whose configuration changed */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!EtcSettings.PID.equals(event.getFactoryPid())) {
            return;
        }
        String target = event.getType() == ConfigurationEvent.CM_DELETED ? layers.etcDeleted(event.getPid())
                : read(event.getPid());
        changed(target);
        applied.update(event.getPid(), layers.settings(event.getPid()));
    }

    @Deactivate
    void deactivate() {
        applied.close();
    }

    /** Takes a configuration as Config Admin would deliver it; for tests without Config Admin. */
    void etc(String pid, Map<String, Object> properties) {
        changed(layers.etc(EtcSettings.of(pid, properties)));
    }

    @Override
    public ProviderConfig config(String target) {
        List<ConfigLayers.Layer> l = layers.layers(target);
        return ConfigKeys.providerConfig(ConfigLayers.type(l, target), store.open(target, layers.merged(l)));
    }

    @Override
    public String type(String target) {
        return layers.type(target);
    }

    @Override
    public Set<String> targets() {
        return layers.targets();
    }

    /**
     * @param target a target
     * @return the runtime's resilience settings for it
     */
    public ResilienceSettings resilience(String target) {
        Map<String, String> v = layers.merged(layers.layers(target));
        Duration timeout = ConfigKeys.providerConfig(target, Map.of("timeout", v.getOrDefault("timeout", "60s")))
                .timeout();
        return ConfigKeys.resilience(v, timeout);
    }

    @Override
    public void addTarget(String name, String type, Map<String, String> values) {
        checkName(name);
        checkName(type);
        Map<String, String> next = new TreeMap<>(values);
        next.forEach(ConfigKeys::check);
        next.put("type", type);
        synchronized (writing) {
            Map<String, String> before = stored(name);
            if (!next.equals(store.enabled() ? store.open(name, before) : before)) {
                change(name, before, next, "add " + type, true);
            }
        }
    }

    @Override
    public void removeTarget(String name) {
        synchronized (writing) {
            Map<String, String> before = stored(name);
            if (before.isEmpty()) {
                throw new IllegalArgumentException("the runtime stores no target '" + name + "'"
                        + (layers.targets().contains(name) ? "; it comes from the environment or a file: remove it there"
                                : ""));
            }
            change(name, before, Map.of(), "remove", false);
        }
    }

    @Override
    public void set(String target, String key, String value) {
        checkName(target);
        if ("type".equals(key)) {
            if (value != null) {
                checkName(value);
            }
        } else if (value != null) {
            ConfigKeys.check(key, value);
        }
        synchronized (writing) {
            Map<String, String> before = stored(target);
            if (unchanged(target, before, key, value)) {
                return;
            }
            Map<String, String> next = new TreeMap<>(before);
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
            change(target, before, next, (value == null ? "unset " : "set ") + key, value != null);
        }
    }

    @Override
    public List<ConfigEntry> describe(String target) {
        Map<String, ConfigEntry> entries = new TreeMap<>();
        List<ConfigLayers.Layer> all = layers.layers(target);
        all.stream().filter(l -> l.type() != null).findFirst()
                .ifPresent(l -> entries.put("type", new ConfigEntry("type", l.type(), l.source(), false)));
        all.forEach(layer -> layer.values().forEach((k, v) -> entries.putIfAbsent(k,
                new ConfigEntry(k, ConfigKeys.secret(k) ? Secret.of(v).toString() : v, layer.source(),
                        ConfigKeys.secret(k)))));
        return List.copyOf(entries.values());
    }

    @Override
    public List<ConfigVersion> history(String target) {
        requireStore();
        return store.history(target);
    }

    @Override
    public void rollback(String target, int version) {
        requireStore();
        synchronized (writing) {
            Map<String, String> values = store.version(target, version);
            Map<String, String> before = stored(target);
            change(target, before, values, "rollback to " + (version == 0 ? "the version before" : version), true);
        }
    }

    @Override
    public int encrypt(String target) {
        requireStore();
        int count = 0;
        synchronized (writing) {
            for (String t : target == null ? store.targetsWithFiles() : List.of(target)) {
                Map<String, String> before = stored(t);
                int plain = store.plainSecrets(before);
                if (plain > 0) {
                    layers.written(t, store.save(t, before, before, "encrypt"));
                    count += plain;
                }
            }
        }
        return count;
    }

    /** @return the one-line problems of the configuration sources: the JSON file, unnamed configurations */
    public List<String> problems() {
        List<String> p = new ArrayList<>(layers.unnamed());
        String j = layers.jsonProblem();
        if (j != null) {
            p.add(j);
        }
        return p;
    }

    /** @return where the runtime writes targets, or {@code null} when it keeps them in memory */
    public Path folder() {
        return store.enabled() ? store.files().folder() : null;
    }

    /**
     * Checks the change against the plugin, then stores it; caller holds {@link #writing}. Taking a value away
     * brings no bad value, so it is not put to the plugin.
     */
    private void change(String target, Map<String, String> before, Map<String, String> next, String what,
            boolean askPlugin) {
        if (!next.isEmpty()) {
            List<ConfigLayers.Layer> after = layers.layers(target, next);
            Map<String, String> open;
            try {
                open = store.open(target, layers.merged(after));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; nothing was changed");
            }
            ProviderConfig config = ConfigKeys.providerConfig(ConfigLayers.type(after, target), open);
            ConfigCheck c = check;
            String problem = c == null || !askPlugin ? null : c.problem(target, config);
            if (askPlugin && problem != null && !problem.equals(problemNow(c, target))) {
                throw new IllegalArgumentException(problem);
            }
        }
        if (store.enabled()) {
            layers.written(target, store.save(target, before, next, what));
        } else {
            layers.api(target, next);
        }
        changed(target);
    }

    /**
     * A change is refused for a problem it brings, not for one the target already has: setting the base URL
     * before the key goes through while the key is missing either way.
     */
    private String problemNow(ConfigCheck c, String target) {
        try {
            return c.problem(target, config(target));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private boolean unchanged(String target, Map<String, String> before, String key, String value) {
        try {
            return Objects.equals(value, (store.enabled() ? store.open(target, before) : before).get(key));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return what the runtime stores for the target: its file, or its values in memory */
    private Map<String, String> stored(String target) {
        if (store.enabled()) {
            return store.stored(target);
        }
        ConfigLayers.Layer api = layers.layers(target).get(0);
        Map<String, String> v = new HashMap<>(api.values());
        if (api.type() != null) {
            v.put("type", api.type());
        }
        return v;
    }

    private void requireStore() {
        if (!store.enabled()) {
            throw new IllegalArgumentException("no configuration folder: the runtime keeps targets in memory only"
                    + " (set " + RuntimeProperties.ETC_DIR + ")");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid name: lower-case letters, digits, '.',"
                    + " '_' and '-', starting with a letter or digit, at most 64");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot name a target: it is a word of llm:config");
        }
    }

    private void readAll() {
        try {
            Configuration[] all = admin.listConfigurations("(service.factoryPid=" + EtcSettings.PID + ")");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                read(c.getPid());
                applied.update(c.getPid(), layers.settings(c.getPid()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Config Admin cannot list the targets: " + e.getMessage(), e);
        }
    }

    private String read(String pid) {
        try {
            Configuration[] c = admin.listConfigurations("(service.pid=" + pid + ")");
            if (c == null || c.length == 0 || c[0].getProperties() == null) {
                return layers.etcDeleted(pid);
            }
            return layers.etc(EtcSettings.of(pid, map(c[0].getProperties())));
        } catch (IOException | InvalidSyntaxException e) {
            return null;
        }
    }

    private static Map<String, Object> map(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }

    private void changed(String target) {
        if (target != null && !target.isEmpty()) {
            listeners.forEach(l -> l.accept(target));
        }
    }

    private static String firstFolder(String property) {
        return property == null || property.isBlank() ? null : property.split(java.io.File.pathSeparator)[0].trim();
    }

    private static Path path(String property) {
        return property == null || property.isBlank() ? null : Path.of(property).toAbsolutePath().normalize();
    }
}
