package org.llmrecon.api.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One kept version of a target's configuration, as shown to people: secret
 * values are masked.
 *
 * @param version its number, counting up from 1 for each target
 * @param time when it was made
 * @param change what made it, e.g. {@code set apiKey}, {@code rollback to 3}
 * @param changedKeys the keys whose values differ from the version before
 * @param values the target's values in this version, secrets masked
 * @since 1.0.0
 */
public record ConfigVersion(int version, Instant time, String change, Set<String> changedKeys,
        Map<String, String> values) {

    /** Copies the collections. */
    public ConfigVersion {
        changedKeys = Set.copyOf(changedKeys);
        values = Map.copyOf(values);
    }
}
