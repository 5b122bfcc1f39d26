package org.llmrecon.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encrypts secrets for storage at rest (AES-GCM, the value written as
 * {@code ENC(...)}) with the runtime's key file, and decrypts them. Every
 * secret the runtime writes to a file goes through it.
 *
 * @since 1.0.0
 */
@ProviderType
public interface Secrets {

    /**
     * @param plain a secret in the clear
     * @return it encrypted, as {@code ENC(...)}
     * @throws IllegalStateException when the key file cannot be read or created (one line naming it)
     */
    String seal(String plain);

    /**
     * @param stored a stored value: {@code ENC(...)} or plain text
     * @return the value in the clear; plain text as it is
     * @throws IllegalStateException when the key is missing or wrong, or the value is corrupted
     *         (one line naming the key file; never the value)
     */
    String open(String stored);

    /**
     * @param stored a stored value
     * @return whether it is encrypted
     */
    boolean sealed(String stored);
}
