package org.llmrecon.runtime.internal.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.llmrecon.api.runtime.RuntimeProperties;
import org.llmrecon.api.runtime.Secrets;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Secrets} with AES-256-GCM from the JDK: {@code ENC(} Base64 of a
 * version byte, a random 12-byte nonce and the ciphertext with its tag
 * {@code )}. The key comes from {@link KeyFile}; it is created when the
 * first secret is sealed, never when one is opened, so a missing key is
 * reported instead of replaced.
 */
@Component(service = {Secrets.class, SecretBox.class})
public final class SecretBox implements Secrets {
    static final String DEFAULT_FILE = ".llmrecon.key";
    private static final String PREFIX = "ENC(";
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /**
     * The nonces' source, made at the first seal: a {@code SecureRandom} loads the security providers (about
     * 40 classes, docs/BENCHMARKS.md), which a run that seals nothing should not pay for at start.
     */
    private static final class Nonces {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private final KeyFile keyFile;

    /** @param context the runtime bundle's context, for the key file's location */
    @Activate
    public SecretBox(BundleContext context) {
        this(location(context.getProperty(RuntimeProperties.SECRETS_KEY_FILE),
                System.getenv(RuntimeProperties.SECRETS_KEY_FILE_ENV),
                context.getProperty(RuntimeProperties.ETC_DIR)));
    }

    SecretBox(Path keyFile) {
        this.keyFile = new KeyFile(keyFile);
    }

    /** @return the key file in use */
    public Path keyFile() {
        return keyFile.path();
    }

    @Override
    public String seal(String plain) {
        SecretKey key = keyFile.readOrCreate();
        byte[] nonce = new byte[NONCE];
        Nonces.RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array()) + ")";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with the key in " + keyFile.path() + ": "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public String open(String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        SecretKey key = keyFile.read();
        if (key == null) {
            throw new IllegalStateException("cannot decrypt: key file " + keyFile.path() + " is missing");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(PREFIX.length(), stored.length() - 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt: the value is not Base64 inside ENC(...)");
        }
        if (raw.length < 1 + NONCE + TAG_BITS / 8 || raw[0] != VERSION) {
            throw new IllegalStateException("cannot decrypt: the value inside ENC(...) is corrupted");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE));
            return new String(c.doFinal(raw, 1 + NONCE, raw.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("cannot decrypt: the key in " + keyFile.path()
                    + " does not match (another key file, or the value was changed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt with the key in " + keyFile.path() + ": "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX) && stored.endsWith(")");
    }

    static Path location(String property, String environment, String etc) {
        if (property != null && !property.isBlank()) {
            return Path.of(property.trim());
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment.trim());
        }
        if (etc != null && !etc.isBlank()) {
            String first = etc.split(java.io.File.pathSeparator)[0].trim();
            return Path.of(first).resolve(DEFAULT_FILE);
        }
        return Path.of(System.getProperty("user.home"), ".llmrecon", "secret.key");
    }
}
