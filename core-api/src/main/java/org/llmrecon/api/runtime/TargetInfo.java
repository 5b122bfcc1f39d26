package org.llmrecon.api.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * One target as the runtime sees it: a named configuration of a provider
 * type, whether a plugin serves it now, and where it was defined. A class
 * with a {@link Builder} so the runtime can report more in a minor release.
 *
 * @since 1.0.0
 */
public final class TargetInfo {
    private final String name;
    private final String type;
    private final String source;
    private final String reason;
    private final String circuit;

    private TargetInfo(Builder b) {
        name = Objects.requireNonNull(b.name, "name");
        type = Objects.requireNonNull(b.type, "type");
        source = b.source == null ? "default" : b.source;
        reason = b.reason;
        circuit = b.circuit == null ? "closed" : b.circuit;
    }

    /** @return an empty builder; name and type are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this target's values */
    public Builder toBuilder() {
        return new Builder().name(name).type(type).source(source).reason(reason).circuit(circuit);
    }

    /** @return the target's name, e.g. {@code local} */
    public String name() { return name; }

    /** @return its provider type, e.g. {@code openai} */
    public String type() { return type; }

    /**
     * @return where the target is defined: {@code api}, {@code env}, {@code etc},
     *         {@code json}, or {@code default} for a type's default target
     */
    public String source() { return source; }

    /** @return whether a plugin serves the target now */
    public boolean available() { return reason == null; }

    /** @return why the target cannot be used now; empty while it is available */
    public Optional<String> reason() { return Optional.ofNullable(reason); }

    /** @return the state of its circuit breaker: {@code closed}, {@code open} or {@code half-open} */
    public String circuit() { return circuit; }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetInfo x && name.equals(x.name) && type.equals(x.type) && source.equals(x.source)
                && Objects.equals(reason, x.reason) && circuit.equals(x.circuit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, source, reason, circuit);
    }

    @Override
    public String toString() {
        return "TargetInfo[" + name + ", " + type + ", " + source + (reason == null ? "" : ", " + reason) + "]";
    }

    /** Builds a {@link TargetInfo}. */
    public static final class Builder {
        private String name;
        private String type;
        private String source;
        private String reason;
        private String circuit;

        private Builder() {
        }

        /** @param v the name @return this */
        public Builder name(String v) { name = v; return this; }

        /** @param v the provider type @return this */
        public Builder type(String v) { type = v; return this; }

        /** @param v where it is defined @return this */
        public Builder source(String v) { source = v; return this; }

        /** @param v why it is unavailable, {@code null} when available @return this */
        public Builder reason(String v) { reason = v; return this; }

        /** @param v the circuit state @return this */
        public Builder circuit(String v) { circuit = v; return this; }

        /** @return the target */
        public TargetInfo build() { return new TargetInfo(this); }
    }
}
