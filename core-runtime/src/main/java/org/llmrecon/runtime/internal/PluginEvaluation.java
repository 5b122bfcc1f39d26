package org.llmrecon.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.plugin.PluginValidator;
import org.llmrecon.api.runtime.FrameworkInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.runtime.internal.legacy.LegacyPluginException;
import org.llmrecon.runtime.internal.metadata.ManifestMetadata;
import org.llmrecon.runtime.internal.metadata.MergedMetadata;
import org.llmrecon.runtime.internal.metadata.MetadataException;
import org.llmrecon.runtime.internal.metadata.MetadataMerger;
import org.llmrecon.runtime.internal.metadata.MetadataValidator;
import org.osgi.framework.Bundle;

/**
 * Evaluates one plugin service: asks it for its metadata (a bounded call),
 * merges that with the bundle's manifest, JSON and sidecar, and validates the
 * result with the runtime's validator and every registered one.
 */
final class PluginEvaluation {
    private static final String LEGACY_FAILURE = "getMetadata() threw " + LegacyPluginException.class.getSimpleName()
            + ": ";

    private final FrameworkInfo framework;
    private final PluginCalls calls;
    private final PluginValidator validator = new MetadataValidator();
    private final List<PluginValidator> validators = new CopyOnWriteArrayList<>();

    PluginEvaluation(FrameworkInfo framework, PluginCalls calls) {
        this.framework = framework;
        this.calls = calls;
    }

    void addValidator(PluginValidator v) {
        validators.add(v);
    }

    void removeValidator(PluginValidator v) {
        validators.remove(v);
    }

    /**
     * @param legacyType the type a legacy declaration names, so that a broken
     *        declaration is listed under its type rather than its bundle
     * @return the candidate, PENDING when valid, else REJECTED or FAILED with the reason
     */
    PluginCandidate evaluate(PluginInterface plugin, long id, int ranking, Bundle bundle, boolean legacy,
            String legacyType) {
        PluginMetadata own = null;
        String failure = null;
        try {
            own = calls.call("getMetadata()", plugin::getMetadata);
            if (own == null) {
                failure = "getMetadata() returned null";
            }
        } catch (PluginCalls.CallException e) {
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
                problems.addAll(calls.call("validator " + v.getClass().getName(),
                        () -> v.validate(merged.metadata(), framework.version())));
            } catch (PluginCalls.CallException e) {
                problems.add(e.getMessage());
            }
        }
        return new PluginCandidate(id, ranking, bundle, plugin, merged.metadata(),
                problems.isEmpty() ? PluginState.PENDING : PluginState.REJECTED,
                problems.isEmpty() ? null : String.join("; ", problems), legacy);
    }

    /** The metadata a plugin with an unreadable source is listed under: its manifest's, else its bundle's. */
    private static PluginMetadata mergeQuietly(Bundle bundle) {
        PluginMetadata m = ManifestMetadata.read(bundle.getHeaders(""));
        return m.toBuilder().name(m.name() != null ? m.name() : bundle.getSymbolicName())
                .version(m.version() != null ? m.version() : bundle.getVersion().toString()).build();
    }
}
