package org.llmrecon.runtime.internal.settings;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.llmrecon.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;

/**
 * The typed values of {@link RuntimeConfig}, each from the first of: the
 * configuration {@link RuntimeProperties#PID}, the framework property of the
 * same name, the default declared in {@link RuntimeConfig}. A malformed value
 * is one line naming where it came from. The factory designates the
 * configuration to metatype once; every component with that configuration
 * PID reads the same values through this class.
 */
public final class RuntimeSettings {
    private static final String PREFIX = "llmrecon.";
    private final Map<String, ?> config;
    private final UnaryOperator<String> framework;

    private RuntimeSettings(Map<String, ?> config, UnaryOperator<String> framework) {
        this.config = config == null ? Map.of() : config;
        this.framework = framework;
    }

    /**
     * @param context where framework properties are read
     * @param config the component's configuration properties as DS hands them over
     * @return the settings
     */
    public static RuntimeSettings of(BundleContext context, Map<String, ?> config) {
        return new RuntimeSettings(config, context::getProperty);
    }

    /** @param config configuration values, keys without {@code llmrecon.} @return settings without framework properties */
    public static RuntimeSettings of(Map<String, ?> config) {
        return new RuntimeSettings(config, name -> null);
    }

    /** @return how often the plugin folders are scanned, at least 1 ms */
    public Duration pluginsPoll() {
        Duration d = duration(RuntimeProperties.PLUGINS_POLL);
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException(where(RuntimeProperties.PLUGINS_POLL) + ": must be at least 1ms, is '"
                    + raw(RuntimeProperties.PLUGINS_POLL) + "'");
        }
        return d;
    }

    /** @return the bound on every call into plugin code */
    public Duration pluginCallTimeout() {
        return duration(RuntimeProperties.PLUGIN_CALL_TIMEOUT);
    }

    /** @return how long calls wait for a replacement plugin */
    public Duration swapGrace() {
        return duration(RuntimeProperties.SWAP_GRACE);
    }

    /** @return how long a stopping plugin bundle waits for its calls in flight */
    public Duration swapDrain() {
        return duration(RuntimeProperties.SWAP_DRAIN);
    }

    /** @return how long after uninstall a reachable class loader counts as leaked */
    public Duration leakDelay() {
        return duration(RuntimeProperties.LEAK_DELAY);
    }

    /** @return the folder for heap dumps of leaked plugins, if one is set */
    public Optional<Path> leakHeapDumps() {
        String v = raw(RuntimeProperties.LEAK_HEAPDUMPS);
        return v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.trim()));
    }

    private Duration duration(String name) {
        try {
            return Durations.parse(raw(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(name) + ": " + e.getMessage());
        }
    }

    private String raw(String name) {
        Object configured = config.get(key(name));
        if (configured != null) {
            return configured.toString();
        }
        String property = framework.apply(name);
        return property != null && !property.isBlank() ? property : declaredDefault(name);
    }

    private String where(String name) {
        return config.get(key(name)) != null ? "configuration " + RuntimeProperties.PID + " key " + key(name)
                : framework.apply(name) != null ? "framework property " + name : "default of " + name;
    }

    private static String key(String name) {
        return name.substring(PREFIX.length());
    }

    /** The one place defaults live: the annotation that describes the settings to Config Admin. */
    private static String declaredDefault(String name) {
        try {
            Method m = RuntimeConfig.class.getMethod(key(name).replace('.', '_'));
            return (String) m.getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no runtime setting " + name, e);
        }
    }
}
