package org.llmrecon.runtime.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginValidator;
import org.llmrecon.api.runtime.FrameworkInfo;
import org.llmrecon.runtime.internal.folders.PluginFolders;
import org.llmrecon.runtime.internal.legacy.LegacyExtender;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tracks every {@link PluginInterface} service, has it evaluated
 * ({@link PluginEvaluation}) and decides by {@link TypeWinner} which plugin
 * serves each provider type. Listeners (the factory) are pushed each type's
 * winner, or the reason there is none, whenever either changes.
 */
@Component(service = PluginTracker.class, immediate = true)
public final class PluginTracker {

    /** Hears a provider type's winner, or why there is none ({@code winner} {@code null}), when either changes. */
    interface Listener {
        void typeChanged(String type, PluginCandidate winner, String reason);
    }

    private final PluginEvaluation evaluation;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, PluginCandidate> candidates = new LinkedHashMap<>();
    /** The service ids of each type's candidates, so that deciding a type does not look at every plugin. */
    private final Map<String, List<Long>> byType = new HashMap<>();
    private final Map<String, TypeWinner.Decision> decisions = new HashMap<>();

    /**
     * @param framework the running framework
     * @param calls bounds the calls into plugin code
     */
    @Activate
    public PluginTracker(@Reference FrameworkInfo framework, @Reference PluginCalls calls) {
        this.evaluation = new PluginEvaluation(framework, calls);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPlugin(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        boolean legacy = Boolean.parseBoolean(String.valueOf(ref.getProperty(LegacyExtender.LEGACY)));
        Object declared = ref.getProperty(LegacyExtender.DECLARED_TYPE);
        put(evaluation.evaluate(plugin, serviceId(ref), ranking instanceof Integer i ? i : 0, ref.getBundle(),
                legacy, declared == null ? null : declared.toString()), null);
    }

    void updatedPlugin(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        bindPlugin(plugin, ref);
    }

    void unbindPlugin(PluginInterface plugin, ServiceReference<PluginInterface> ref) {
        synchronized (this) {
            PluginCandidate c = candidates.remove(serviceId(ref));
            if (c != null) {
                unindex(c);
                decide(c.type());
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindValidator(PluginValidator v) {
        evaluation.addValidator(v);
        reevaluate(c -> true);
    }

    void unbindValidator(PluginValidator v) {
        evaluation.removeValidator(v);
        reevaluate(c -> true);
    }

    /** @param listener told every current decision now, and every change from now on */
    synchronized void addListener(Listener listener) {
        listeners.add(listener);
        decisions.forEach((type, d) -> listener.typeChanged(type, d.winner(), d.reason()));
    }

    void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** @return every tracked plugin service */
    synchronized List<PluginCandidate> candidates() {
        return new ArrayList<>(candidates.values());
    }

    /** @param bundle a bundle @return whether it publishes a tracked plugin service */
    synchronized boolean tracks(Bundle bundle) {
        return candidates.values().stream().anyMatch(c -> c.bundle() == bundle);
    }

    /** @param jar a plugin file whose sidecar appeared, changed or went away */
    void sidecarChanged(Path jar) {
        reevaluate(c -> jar.equals(PluginFolders.file(c.bundle().getLocation())));
    }

    /** @param type a provider type @return the plugin serving it, or {@code null} */
    synchronized PluginCandidate winner(String type) {
        TypeWinner.Decision d = decisions.get(type);
        return d == null ? null : d.winner();
    }

    /** @param type a provider type @return why no plugin serves it */
    synchronized String unavailableReason(String type) {
        return TypeWinner.unavailable(type, ofType(type));
    }

    private void reevaluate(Predicate<PluginCandidate> which) {
        List<PluginCandidate> affected;
        synchronized (this) {
            affected = candidates.values().stream().filter(which).toList();
        }
        for (PluginCandidate old : affected) {
            put(evaluation.evaluate(old.plugin(), old.serviceId(), old.ranking(), old.bundle(), old.legacy(),
                    old.legacy() ? old.type() : null), old);
        }
    }

    /** @param replaced the candidate re-evaluated, which must still be tracked; {@code null} for a new one */
    private synchronized void put(PluginCandidate c, PluginCandidate replaced) {
        if (replaced != null && !candidates.containsKey(replaced.serviceId())) {
            return;
        }
        PluginCandidate before = candidates.put(c.serviceId(), c);
        if (before != null) {
            unindex(before);
        }
        if (c.type() != null) {
            byType.computeIfAbsent(c.type(), t -> new ArrayList<>(1)).add(c.serviceId());
        }
        if (replaced != null) {
            decide(replaced.type());
        }
        decide(c.type());
    }

    /** Re-decides one type and tells listeners what changed; caller holds the lock. */
    private void decide(String type) {
        if (type == null) {
            return;
        }
        List<PluginCandidate> ofType = ofType(type);
        TypeWinner.Decision d = TypeWinner.decide(type, ofType);
        d.ranked().forEach(c -> candidates.put(c.serviceId(), c));
        TypeWinner.Decision before = decisions.put(type, d);
        PluginCandidate was = before == null ? null : before.winner();
        PluginCandidate now = d.winner();
        boolean changed = was == null ? now != null || before == null || !Objects.equals(before.reason(), d.reason())
                : now == null || was.serviceId() != now.serviceId() || was.plugin() != now.plugin();
        if (changed) {
            listeners.forEach(l -> l.typeChanged(type, now, d.reason()));
        }
        if (now == null && ofType.isEmpty()) {
            decisions.remove(type); // a type no plugin offers any more leaves nothing behind
        }
    }

    /** Caller holds the lock. */
    private List<PluginCandidate> ofType(String type) {
        List<Long> ids = byType.get(type);
        if (ids == null) {
            return List.of();
        }
        List<PluginCandidate> all = new ArrayList<>(ids.size());
        ids.forEach(id -> all.add(candidates.get(id)));
        return all;
    }

    /** Caller holds the lock. */
    private void unindex(PluginCandidate c) {
        List<Long> ids = c.type() == null ? null : byType.get(c.type());
        if (ids != null) {
            ids.remove(Long.valueOf(c.serviceId()));
            if (ids.isEmpty()) {
                byType.remove(c.type());
            }
        }
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) Objects.requireNonNull(ref.getProperty(Constants.SERVICE_ID));
    }
}
