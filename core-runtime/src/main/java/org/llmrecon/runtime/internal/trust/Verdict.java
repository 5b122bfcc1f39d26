package org.llmrecon.runtime.internal.trust;

import java.util.function.Supplier;

/**
 * Whether a plugin jar is trusted, and if not why. The reason is built when
 * first asked for: naming an unsigned jar's SHA-256 reads the whole jar, which
 * warn mode does off the path that lists the plugin.
 */
final class Verdict {
    /** Tag of a plugin jar without any signature. */
    static final String UNSIGNED = "unsigned";
    /** Tag of a plugin jar whose signature does not verify or whose signer is not trusted. */
    static final String UNTRUSTED = "untrusted";

    static final Verdict TRUSTED = new Verdict(true, null, () -> null);

    private final boolean trusted;
    private final String tag;
    private Supplier<String> why;
    private String reason;

    private Verdict(boolean trusted, String tag, Supplier<String> why) {
        this.trusted = trusted;
        this.tag = tag;
        this.why = why;
    }

    static Verdict refused(String tag, String why) {
        return refused(tag, () -> why);
    }

    /** @param why built once, when the reason is first asked for */
    static Verdict refused(String tag, Supplier<String> why) {
        return new Verdict(false, tag, why);
    }

    /** @return signed by a trusted signer or allowed by its SHA-256 */
    boolean trusted() {
        return trusted;
    }

    /** @return what warn mode tags an untrusted plugin with: {@code unsigned} or {@code untrusted} */
    String tag() {
        return tag;
    }

    /** @return one line, starting {@code not trusted: }; {@code null} when trusted */
    synchronized String reason() {
        if (why != null) {
            String w = why.get();
            reason = w == null ? null : "not trusted: " + w;
            why = null;
        }
        return reason;
    }
}
