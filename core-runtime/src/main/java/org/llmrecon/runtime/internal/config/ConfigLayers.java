package org.llmrecon.runtime.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sources of the targets' values, highest precedence first: values kept
 * in memory when there is no configuration folder ({@code api}), the
 * environment ({@code env}), Config Admin ({@code etc}: files a person or the
 * runtime wrote) and the JSON file ({@code json}). Until Config Admin
 * delivers a file the runtime just wrote, the values written stand for it,
 * so a change takes effect at once and never half.
 */
final class ConfigLayers {
    /** One source's values of one target; {@code type} apart from the values. */
    record Layer(String source, String type, Map<String, String> values) {
    }

    private final Map<String, Map<String, String>> api = new ConcurrentHashMap<>();
    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private final Map<String, EtcSettings> etc = new ConcurrentHashMap<>();
    private final EnvironmentSource env;
    private final JsonFileSource json;
    /** The files the runtime writes, or {@code null} without a configuration folder. */
    private final TargetFiles files;

    /** What the runtime wrote to a file, standing for it until Config Admin delivers that file. */
    private record Written(Path file, Map<String, String> values) {
    }

    ConfigLayers(EnvironmentSource env, JsonFileSource json, TargetFiles files) {
        this.env = env;
        this.json = json;
        this.files = files.enabled() ? files : null;
    }

    void api(String target, Map<String, String> values) {
        if (values.isEmpty()) {
            api.remove(target);
        } else {
            api.put(target, Map.copyOf(values));
        }
    }

    /** @param values what the target's file now holds; empty when it was deleted */
    void written(String target, Map<String, String> values) {
        written.put(target, new Written(files.file(target), Map.copyOf(values)));
    }

    /** @return the target a Config Admin configuration was about, or {@code null} when it was not ours */
    String etc(EtcSettings settings) {
        EtcSettings before = etc.put(settings.pid(), settings);
        delivered(settings, false);
        return !settings.target().isEmpty() || before == null ? settings.target() : before.target();
    }

    /** @return the settings of a Config Admin configuration, or {@code null} */
    EtcSettings settings(String pid) {
        return etc.get(pid);
    }

    /** @return the target whose configuration was deleted, or {@code null} */
    String etcDeleted(String pid) {
        EtcSettings gone = etc.remove(pid);
        if (gone != null) {
            delivered(gone, true);
        }
        return gone == null ? null : gone.target();
    }

    /**
     * Config Admin's events come late and may describe the file as it was before the runtime's last write:
     * what was written stands until an event shows it, or the file has changed since (a hand edit, which
     * Config Admin delivers next).
     */
    private void delivered(EtcSettings s, boolean deleted) {
        Written w = written.get(s.target());
        if (w == null || !s.from(w.file())) {
            return;
        }
        Map<String, String> onDisk;
        try {
            onDisk = files.read(s.target());
        } catch (IllegalArgumentException e) {
            onDisk = null;
        }
        boolean shown = deleted ? w.values().isEmpty() : !w.values().isEmpty() && w.values().equals(asWritten(s));
        if (shown || !w.values().equals(onDisk)) {
            written.remove(s.target(), w);
        }
    }

    /** @return the settings as the runtime would have written them */
    private static Map<String, String> asWritten(EtcSettings s) {
        Map<String, String> v = new TreeMap<>(s.values());
        if (s.type() != null) {
            v.put("type", s.type());
        }
        return v;
    }

    /** @return the configurations that name no target, as one line each */
    List<String> unnamed() {
        return etc.values().stream().filter(s -> s.target().isEmpty())
                .map(s -> s.origin() + ": no target: set 'target' or name the file " + EtcSettings.PID + "-<target>.cfg")
                .toList();
    }

    String jsonProblem() {
        return json.problem();
    }

    Set<String> targets() {
        Set<String> t = new TreeSet<>(api.keySet());
        written.forEach((target, w) -> {
            if (!w.values().isEmpty()) {
                t.add(target);
            }
        });
        t.addAll(env.targets());
        etc.values().stream().filter(s -> !s.target().isEmpty() && !hiddenByWrite(s)).forEach(s -> t.add(s.target()));
        t.addAll(json.types());
        return t;
    }

    /** @return the target's type: the first source that names one, else the target's name */
    String type(String target) {
        return type(layers(target), target);
    }

    /** @return the type the first of the layers names, else the target's name */
    static String type(List<Layer> layers, String target) {
        return layers.stream().map(Layer::type).filter(x -> x != null && !x.isBlank()).findFirst().orElse(target);
    }

    List<Layer> layers(String target) {
        return layers(target, null);
    }

    /**
     * @param stored replaces the values the runtime stores for the target (its file, or memory without a
     *        configuration folder), to see a change before it is made; {@code null} for the layers as they are
     */
    List<Layer> layers(String target, Map<String, String> stored) {
        List<Layer> layers = new ArrayList<>();
        layers.add(layer("api", files == null && stored != null ? stored : api.getOrDefault(target, Map.of())));
        layers.add(layer("env", env.values(target)));
        Written w = written.get(target);
        Map<String, String> own = files == null ? null : stored != null ? stored : w != null ? w.values() : null;
        if (own != null) {
            layers.add(layer("etc", own));
        }
        etc.values().stream().filter(s -> s.target().equals(target) && !(own != null && s.from(files.file(target))))
                .forEach(s -> layers.add(new Layer("etc", s.type(), s.values())));
        layers.add(layer("json", json.values(target)));
        return layers;
    }

    /** @return the merged values, {@code type} left out */
    Map<String, String> merged(List<Layer> layers) {
        Map<String, String> merged = new TreeMap<>();
        layers.forEach(l -> l.values().forEach(merged::putIfAbsent));
        return merged;
    }

    private boolean hiddenByWrite(EtcSettings s) {
        Written w = written.get(s.target());
        return w != null && s.from(w.file());
    }

    private static Layer layer(String source, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(values);
        String type = v.remove("type");
        return new Layer(source, type, v);
    }
}
