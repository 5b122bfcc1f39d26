package org.llmrecon.api.provider;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A secret value such as an API key. Its {@link #toString()} never reveals
 * the value, so a secret can travel inside records, logs and exceptions safely.
 *
 * @since 1.0.0
 */
public final class Secret {
    /** The mask shown instead of a secret value. */
    public static final String MASK = "********";

    private static final Secret EMPTY = new Secret("");
    private static final String[] SECRET_WORDS = {"secret", "password", "authorization", "credential"};

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a value; {@code null} gives the empty secret.
     *
     * @param value the secret value
     * @return the secret
     */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    /**
     * Whether a configuration key names a secret: in any case, it contains {@code secret}, {@code password},
     * {@code authorization} or {@code credential}, or ends with {@code key} or {@code token} ({@code apiKey},
     * {@code header.X-Auth-Token}; not {@code param.tokenDelay} or {@code maxTokens}). The one rule the
     * runtime, the shell and its history apply.
     *
     * @param key a configuration key, e.g. {@code apiKey} or {@code header.Authorization}
     * @return whether its value must never be shown or stored in clear
     * @since 1.0.0
     */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return k.endsWith("key") || k.endsWith("token");
    }


    /** @return the empty secret */
    public static Secret empty() {
        return EMPTY;
    }

    /** @return the value itself; never log or print it */
    public String reveal() {
        return value;
    }

    /** @return whether no value is set */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** @return {@link #MASK}, or an empty string for the empty secret */
    @Override
    public String toString() {
        return isEmpty() ? "" : MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
