package org.llmrecon.runtime.internal.trust;

/**
 * Whether a plugin jar is trusted, and if not why.
 *
 * @param trusted signed by a trusted signer or allowed by its SHA-256
 * @param tag what warn mode tags an untrusted plugin with: {@code unsigned} or {@code untrusted}
 * @param reason one line, starting {@code not trusted: }; {@code null} when trusted
 */
record Verdict(boolean trusted, String tag, String reason) {
    /** Tag of a plugin jar without any signature. */
    static final String UNSIGNED = "unsigned";
    /** Tag of a plugin jar whose signature does not verify or whose signer is not trusted. */
    static final String UNTRUSTED = "untrusted";

    static final Verdict TRUSTED = new Verdict(true, null, null);

    static Verdict refused(String tag, String why) {
        return new Verdict(false, tag, "not trusted: " + why);
    }
}
