package org.llmrecon.gateway.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * for the replacement), where the list drops the target for a moment.
 */
@Component(service = Targets.class)
public final class Targets {
    private final ProviderFactory factory;
    private final Map<String, ManagedProvider> served = new ConcurrentHashMap<>();

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
}
