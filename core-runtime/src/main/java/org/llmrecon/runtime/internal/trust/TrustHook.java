package org.llmrecon.runtime.internal.trust;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;

/**
 * Keeps untrusted plugin bundles from resolving: they stay {@code INSTALLED},
 * so no class of theirs loads - no activator, no component - and starting
 * them fails with "unable to resolve".
 *
 * <p>It does so by matches, not by the resolvable set: a requirement of an
 * untrusted bundle gets no candidate, and no requirement gets a capability
 * of one. Felix 7.0.5 turns a resolvable set that a hook shrank into a white
 * list of <em>unresolved</em> revisions and then drops every capability of
 * an already resolved bundle from every match of the operation; so one
 * untrusted jar removed there left every plugin beside it without
 * {@code org.llmrecon.api.plugin} (issue 12). Only an untrusted bundle that
 * requires nothing, which no match can stop, is taken out of the resolvable
 * set, and only by an operation it triggers itself.
 */
final class TrustHook implements ResolverHookFactory {
    private final Predicate<Bundle> refused;

    /** @param refused whether a bundle must not resolve */
    TrustHook(Predicate<Bundle> refused) {
        this.refused = refused;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new Operation(Set.copyOf(triggers));
    }

    /** One resolve operation; a bundle's verdict is computed once in it. */
    private final class Operation implements ResolverHook {
        private final Set<BundleRevision> triggers;
        private final Map<Bundle, Boolean> verdicts = new HashMap<>();

        Operation(Set<BundleRevision> triggers) {
            this.triggers = triggers;
        }

        private boolean refused(BundleRevision revision) {
            return revision.getBundle() != null && verdicts.computeIfAbsent(revision.getBundle(), refused::test);
        }

        @Override
        public void filterResolvable(Collection<BundleRevision> candidates) {
            candidates.removeIf(r -> triggers.contains(r) && !requiresAnything(r) && refused(r));
        }

        @Override
        public void filterSingletonCollisions(BundleCapability singleton,
                Collection<BundleCapability> collisionCandidates) {
            // trust has no say in singleton choice
        }

        @Override
        public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            if (refused(requirement.getRevision())) {
                candidates.clear();
            } else {
                candidates.removeIf(c -> refused(c.getRevision()));
            }
        }

        @Override
        public void end() {
            verdicts.clear();
        }
    }

    /** @return whether the revision has a requirement it cannot resolve without, so no match leaves it unresolved */
    static boolean requiresAnything(BundleRevision revision) {
        for (BundleRequirement r : revision.getDeclaredRequirements(null)) {
            Map<String, String> d = r.getDirectives();
            boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(d.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || PackageNamespace.RESOLUTION_DYNAMIC.equals(d.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            String effective = d.getOrDefault(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE);
            if (!optional && Namespace.EFFECTIVE_RESOLVE.equals(effective)) {
                return true;
            }
        }
        return false;
    }
}
