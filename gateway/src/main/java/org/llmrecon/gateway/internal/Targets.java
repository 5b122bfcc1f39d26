package org.llmrecon.gateway.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.api.runtime.ProviderFactory;
import org.llmrecon.api.runtime.TargetInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The targets the gateway serves and reports, the gateway's one reader of
 * the runtime's target list. It keeps the managed provider of every target
 * it served: that handle outlives a swap of the target's plugin (calls wait
 * for the replacement), where the list drops the target for a moment. It
 * also keeps each target's model list for {@link #MODELS_KEPT_NANOS}, so that
 * routing a request by its model does not cost the target's server a
 * {@code GET /models} each time.
 */
@Component(service = Targets.class)
public final class Targets {
    private final ProviderFactory factory;
    /** How long a target's model list is reused for routing: 30 s, or until its configuration changes. */
    static final long MODELS_KEPT_NANOS = 30_000_000_000L;
    private final Map<String, ManagedProvider> served = new ConcurrentHashMap<>();
    private final Map<String, Models> models = new ConcurrentHashMap<>();

    @Activate
    public Targets(@Reference ProviderFactory factory) {
        this.factory = factory;
    }

    /** @return the names of the targets a plugin serves now, sorted: what the gateway offers and reports */
    public List<String> names() {
        return factory.targets().stream().filter(TargetInfo::available).map(TargetInfo::name).sorted().toList();
    }

    /** @return every target the runtime lists, served now or not (with its reason and circuit) */
    public List<TargetInfo> all() {
        return factory.targets();
    }

    /**
     * @param name a target's name
     * @return whether a request may name it: listed now (available or not: an unavailable one is a 503),
     *         or served before (its plugin may be in a swap; a call then waits for the replacement)
     */
    public boolean known(String name) {
        return served.containsKey(name) || factory.target(name).isPresent();
    }

    /**
     * @param target a target's name
     * @return its managed provider
     * @throws org.llmrecon.api.provider.ProviderException when the runtime has no such target now
     */
    public ManagedProvider provider(String target) {
        ManagedProvider known = served.get(target);
        return known != null ? known : served.computeIfAbsent(target, factory::getProvider);
    }

    /**
     * @param target a target's name
     * @return its models, as listed at most {@link #MODELS_KEPT_NANOS} ago with its configuration of now
     * @throws RuntimeException as {@link ManagedProvider#listModels()} throws
     */
    public List<ModelInfo> models(String target) {
        ManagedProvider provider = provider(target);
        ProviderConfig config = provider.config();
        Models kept = models.get(target);
        if (kept != null && kept.config.equals(config) && System.nanoTime() - kept.listedAt < MODELS_KEPT_NANOS) {
            return kept.list;
        }
        return listModels(target);
    }

    /** @param target a target's name @return its models, listed now (and kept for routing) */
    public List<ModelInfo> listModels(String target) {
        ManagedProvider provider = provider(target);
        ProviderConfig config = provider.config();
        List<ModelInfo> list = provider.listModels();
        models.put(target, new Models(config, System.nanoTime(), list));
        return list;
    }

    private record Models(ProviderConfig config, long listedAt, List<ModelInfo> list) {
    }
}
