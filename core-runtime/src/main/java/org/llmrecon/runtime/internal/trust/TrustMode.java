package org.llmrecon.runtime.internal.trust;

import java.util.Locale;

/** How the runtime treats a plugin jar that is neither signed by a trusted signer nor allowed by hash. */
enum TrustMode {
    /** No checks. */
    OFF,
    /** The plugin loads and is tagged {@code unsigned} or {@code untrusted}. */
    WARN,
    /** The plugin never resolves, so none of its code runs; it is listed as rejected with the reason. */
    ENFORCE;

    /**
     * @param value the property's value, {@code null} or blank for the default
     * @return the mode; {@code null} when the value names no mode
     */
    static TrustMode parse(String value) {
        if (value == null || value.isBlank()) {
            return WARN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
