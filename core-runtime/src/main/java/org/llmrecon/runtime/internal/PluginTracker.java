package org.llmrecon.runtime.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.llmrecon.api.runtime.FrameworkInfo;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.plugin.PluginValidator;
import org.llmrecon.runtime.internal.config.Durations;
import org.llmrecon.runtime.internal.legacy.LegacyExtender;
import org.llmrecon.runtime.internal.legacy.LegacyPluginException;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.metadata.MergedMetadata;
import org.llmrecon.runtime.internal.metadata.MetadataException;
import org.llmrecon.runtime.internal.metadata.MetadataMerger;
import org.llmrecon.runtime.internal.metadata.MetadataSource;
import org.llmrecon.runtime.internal.metadata.MetadataValidator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tracks every {@link PluginInterface} service, evaluates its metadata,
 * validates it and decides which plugin serves each provider type: the
 * highest plugin version, then the highest service ranking, then the older
 * service. Listeners (the factory) hear when a type's winner changes.
 */
@Component(service = PluginTracker.class, immediate = true)
public final class PluginTracker {
    /** Service property that marks a plugin adapted from a legacy jar. */
    public static final String LEGACY = "llmrecon.legacy";
    private static final String LEGACY_FAILURE = "getMetadata() threw " + LegacyPluginException.class.getSimpleName()
            + ": ";

    /** Framework property: how long a call into plugin code may take, e.g. {@code 5s}. */
    public static final String CALL_TIMEOUT = "llmrecon.plugin.call.timeout";

    /** Hears a provider type's winner change; {@code winner} is {@code null} when none is left. */
    interface Listener {
        void winnerChanged(String type, PluginCandidate winner);
    }

    private final FrameworkInfo framework;
    private final Callouts callouts;
    private final PluginValidator validator = new MetadataValidator();
    private final List<PluginValidator> validators = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, PluginCandidate> candidates = new LinkedHashMap<>();
    private final Map<String, PluginCandidate> winners = new HashMap<>();

    /**
     * @param context the runtime bundle's context
     * @param framework the running framework
     */
    @Activate
    public PluginTracker(BundleContext context, @Reference FrameworkInfo framework) {
        this.framework = framework;
        this.callouts = new Callouts(Durations.property(context, CALL_TIMEOUT, Duration.ofSeconds(5)));
    }

    @Deactivate
    void deactivate() {
        callouts.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPlugin(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        PluginCandidate c = evaluate(plugin, ref);
        synchronized (this) {
            candidates.put(c.serviceId(), c);
            decide(c.type());
        }
    }

    void updatedPlugin(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        bindPlugin(plugin, ref);
    }

    void unbindPlugin(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        synchronized (this) {
            PluginCandidate c = candidates.remove(serviceId(ref));
            if (c != null) {
                decide(c.type());
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindValidator(PluginValidator v) {
        validators.add(v);
        reevaluate(c -> true);
    }

    void unbindValidator(PluginValidator v) {
        validators.remove(v);
        reevaluate(c -> true);
    }

    /** @param listener told every current winner now, and every change from now on */
    synchronized void addListener(Listener listener) {
        listeners.add(listener);
        winners.forEach(listener::winnerChanged);
    }

    void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** @return every tracked plugin service */
    synchronized List<PluginCandidate> candidates() {
        return new ArrayList<>(candidates.values());
    }

    /** @param jar a plugin file whose sidecar appeared, changed or went away */
    void sidecarChanged(Path jar) {
        reevaluate(c -> jar.equals(PluginFolders.file(c.bundle().getLocation())));
    }

    /** @param type a provider type @return why no plugin serves it */
    synchronized String unavailableReason(String type) {
        return candidates.values().stream().filter(c -> type.equals(c.type()))
                .min(Comparator.comparing(PluginCandidate::valid).reversed())
                .map(c -> "plugin '" + c.name() + "' for provider type '" + type + "' is "
                        + c.state().name().toLowerCase() + (c.reason() == null ? "" : ": " + c.reason()))
                .orElse("no plugin offers provider type '" + type + "'");
    }

    private void reevaluate(java.util.function.Predicate<PluginCandidate> which) {
        List<PluginCandidate> affected;
        synchronized (this) {
            affected = candidates.values().stream().filter(which).toList();
        }
        for (PluginCandidate old : affected) {
            PluginCandidate c = evaluate(old.plugin(), old.serviceId(), old.ranking(), old.bundle(), old.legacy(),
                    old.legacy() ? old.type() : null);
            synchronized (this) {
                if (candidates.containsKey(old.serviceId())) {
                    candidates.put(c.serviceId(), c);
                    decide(old.type());
                    decide(c.type());
                }
            }
        }
    }

    private PluginCandidate evaluate(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        boolean legacy = Boolean.parseBoolean(String.valueOf(ref.getProperty(LEGACY)));
        Object declared = ref.getProperty(LegacyExtender.DECLARED_TYPE);
        return evaluate(plugin, serviceId(ref), ranking instanceof Integer i ? i : 0, ref.getBundle(), legacy,
                declared == null ? null : declared.toString());
    }

    /**
     * @param legacyType the type a legacy declaration names, so that a broken
     *        declaration is listed under its type rather than its bundle
     */
    private PluginCandidate evaluate(PluginInterface plugin, long id, int ranking, org.osgi.framework.Bundle bundle,
            boolean legacy, String legacyType) {
        PluginMetadata own = null;
        String failure = null;
        try {
            own = callouts.call("getMetadata()", plugin::getMetadata);
            if (own == null) {
                failure = "getMetadata() returned null";
            }
        } catch (Callouts.CalloutException e) {
            failure = e.getMessage();
        }
        MergedMetadata merged;
        try {
            merged = MetadataMerger.merge(MetadataReader.sources(bundle, own));
        } catch (MetadataException e) {
            PluginMetadata fallback = mergeQuietly(bundle);
            return new PluginCandidate(id, ranking, bundle, plugin, fallback, PluginState.REJECTED, e.getMessage(),
                    legacy);
        }
        if (failure != null) {
            PluginMetadata m = legacyType == null ? merged.metadata()
                    : merged.metadata().toBuilder().name(legacyType).providerType(legacyType).build();
            return new PluginCandidate(id, ranking, bundle, plugin, m, PluginState.FAILED,
                    failure.replace(LEGACY_FAILURE, ""), legacy);
        }
        List<String> problems = new ArrayList<>(merged.conflicts());
        problems.addAll(validator.validate(merged.metadata(), framework.version()));
        for (PluginValidator v : validators) {
            try {
                problems.addAll(callouts.call("validator " + v.getClass().getName(),
                        () -> v.validate(merged.metadata(), framework.version())));
            } catch (Callouts.CalloutException e) {
                problems.add(e.getMessage());
            }
        }
        return new PluginCandidate(id, ranking, bundle, plugin, merged.metadata(),
                problems.isEmpty() ? PluginState.PENDING : PluginState.REJECTED,
                problems.isEmpty() ? null : String.join("; ", problems), legacy);
    }

    /** The metadata a plugin with an unreadable source is listed under: its manifest's, else its bundle's. */
    private static PluginMetadata mergeQuietly(org.osgi.framework.Bundle bundle) {
        PluginMetadata m = ManifestMetadata.read(bundle.getHeaders(""));
        return m.toBuilder().name(m.name() != null ? m.name() : bundle.getSymbolicName())
                .version(m.version() != null ? m.version() : bundle.getVersion().toString()).build();
    }

    /** Re-decides one type's winner and tells listeners if it changed; caller holds the lock. */
    private void decide(String type) {
        if (type == null) {
            return;
        }
        List<PluginCandidate> valid = candidates.values().stream()
                .filter(c -> type.equals(c.type()) && c.valid()).sorted(PluginCandidate::precedence).toList();
        PluginCandidate winner = valid.isEmpty() ? null : valid.get(0).with(PluginState.ACTIVE, null);
        for (PluginCandidate c : valid) {
            candidates.put(c.serviceId(), c == valid.get(0) ? winner
                    : c.with(PluginState.SHADOWED, "shadowed by " + (winner.legacy() ? "legacy " : "") + "plugin '"
                            + winner.name() + "' " + winner.metadata().version() + " for provider type '" + type + "'"));
        }
        PluginCandidate before = winners.get(type);
        if (winner == null) {
            winners.remove(type);
        } else {
            winners.put(type, winner);
        }
        boolean changed = before == null ? winner != null
                : winner == null || before.serviceId() != winner.serviceId() || before.plugin() != winner.plugin();
        if (changed) {
            listeners.forEach(l -> l.winnerChanged(type, winner));
        }
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) Objects.requireNonNull(ref.getProperty(Constants.SERVICE_ID));
    }
}
