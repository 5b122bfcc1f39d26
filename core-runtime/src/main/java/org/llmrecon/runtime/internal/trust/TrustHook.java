package org.llmrecon.runtime.internal.trust;

import java.util.Collection;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Takes untrusted plugin bundles out of every resolve operation: they stay
 * {@code INSTALLED}, so no class of theirs loads - no activator, no
 * component - and starting them fails with "unable to resolve".
 */
final class TrustHook implements ResolverHookFactory {
    private final Predicate<Bundle> refused;

    /** @param refused whether a bundle must not resolve */
    TrustHook(Predicate<Bundle> refused) {
        this.refused = refused;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> refused.test(r.getBundle()));
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // trust has no say in singleton choice
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // an untrusted bundle never resolves, so it offers no capability to filter
            }

            @Override
            public void end() {
                // nothing held between operations
            }
        };
    }
}
