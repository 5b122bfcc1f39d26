package org.llmrecon.runtime.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.ConfigManager;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.Secret;
import org.llmrecon.runtime.internal.resilience.ResilienceSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link ConfigManager}: merges, highest precedence first, values set
 * through the API, environment variables, Config Admin factory
 * configurations ({@link ProviderSettings}) and a JSON file (framework
 * property {@code llmrecon.config.json}).
 */
@Component(service = {ConfigManager.class, ProviderConfigurations.class})
public final class ProviderConfigurations implements ConfigManager {

    private final Map<String, Map<String, String>> overrides = new ConcurrentHashMap<>();
    private final Map<ProviderSettings, String> settings = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final EnvironmentSource env;
    private final JsonFileSource json;

    /** @param context the runtime bundle's context */
    @Activate
    public ProviderConfigurations(BundleContext context) {
        this(System.getenv(), jsonFile(context.getProperty(RuntimeProperties.CONFIG_JSON)));
    }

    ProviderConfigurations(Map<String, String> environment, Path jsonFile) {
        this.env = new EnvironmentSource(environment);
        this.json = new JsonFileSource(jsonFile);
    }

    /** @param s a factory configuration's settings */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSettings(ProviderSettings s) {
        settings.put(s, s.type());
        changed(s.type());
    }

    void unbindSettings(ProviderSettings s) {
        settings.remove(s);
        changed(s.type());
    }

    /** @param listener told the provider type whose configuration changed */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    @Override
    public ProviderConfig config(String type) {
        return ConfigKeys.providerConfig(type, values(type));
    }

    /**
     * @param type a provider type
     * @return the runtime's resilience settings for it
     */
    public ResilienceSettings resilience(String type) {
        Map<String, String> v = values(type);
        Duration timeout = ConfigKeys.providerConfig(type, v).timeout();
        return ConfigKeys.resilience(v, timeout);
    }

    @Override
    public Set<String> configuredTypes() {
        Set<String> types = new TreeSet<>(overrides.keySet());
        types.addAll(env.types());
        settings.values().stream().filter(t -> !t.isEmpty()).forEach(types::add);
        types.addAll(json.types());
        return types;
    }

    @Override
    public void set(String type, String key, String value) {
        if (value == null) {
            Map<String, String> m = overrides.get(type);
            if (m != null) {
                m.remove(key);
            }
        } else {
            ConfigKeys.check(key, value);
            overrides.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(key, value);
        }
        changed(type);
    }

    @Override
    public List<ConfigEntry> describe(String type) {
        Map<String, ConfigEntry> entries = new TreeMap<>();
        layers(type).forEach(layer -> layer.values().forEach((k, v) -> entries.putIfAbsent(k,
                new ConfigEntry(k, ConfigKeys.secret(k) ? Secret.of(v).toString() : v, layer.source(),
                        ConfigKeys.secret(k)))));
        return List.copyOf(entries.values());
    }

    /** @return the JSON file's problem, as one line, or {@code null} */
    public String jsonProblem() {
        return json.problem();
    }

    /** @return settings that name no provider type, as one line each */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        settings.keySet().stream().filter(s -> s.type().isEmpty()).forEach(s -> p.add(s.origin()
                + ": no provider type: set 'type' or name the file " + ProviderSettings.PID + "-<type>.cfg"));
        String j = json.problem();
        if (j != null) {
            p.add(j);
        }
        return p;
    }

    private Map<String, String> values(String type) {
        Map<String, String> merged = new TreeMap<>();
        layers(type).forEach(layer -> layer.values().forEach(merged::putIfAbsent));
        return merged;
    }

    private List<Layer> layers(String type) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("api", overrides.getOrDefault(type, Map.of())));
        layers.add(new Layer("env", env.values(type)));
        settings.keySet().stream().filter(s -> s.type().equals(type))
                .forEach(s -> layers.add(new Layer("etc", s.values())));
        layers.add(new Layer("json", json.values(type)));
        return layers;
    }

    private void changed(String type) {
        if (type != null && !type.isEmpty()) {
            listeners.forEach(l -> l.accept(type));
        }
    }

    private static Path jsonFile(String property) {
        return property == null || property.isBlank() ? null : Path.of(property);
    }

    private record Layer(String source, Map<String, String> values) {
    }
}
