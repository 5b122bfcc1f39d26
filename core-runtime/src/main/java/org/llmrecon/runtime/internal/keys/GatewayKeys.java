package org.llmrecon.runtime.internal.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.llmrecon.api.runtime.Secrets;

/**
 * Adds, lists, removes and seals the gateway's keys in its {@link GatewayKeyFile}. Every key written is sealed with
 * the runtime's {@link Secrets}; a key is shown only by its fingerprint, never in the clear, except the one
 * {@link #add} generates, returned once to be printed.
 */
public final class GatewayKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One stored key as the shell lists it. @param fingerprint null when it does not open */
    public record Listed(int position, String fingerprint, boolean sealed) {
    }

    private final GatewayKeyFile file;
    private final Secrets secrets;

    /** @param file the key file @param secrets the runtime's secrets, which seal and open the keys */
    public GatewayKeys(GatewayKeyFile file, Secrets secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    /** @param key the key, or null for a new random one @return the key added, in the clear */
    public String add(String key) {
        String plain = key == null ? "llmr-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)) : key;
        if (plain.isEmpty() || !plain.chars().allMatch(c -> c > ' ' && c < 127) || plain.startsWith("ENC(")) {
            throw new IllegalArgumentException("a gateway key is printable ASCII without spaces, and not ENC(...)");
        }
        List<String> stored = file.read();
        List<String> open = openAll(stored);
        int same = open.indexOf(plain);
        if (same >= 0) {
            throw new IllegalArgumentException("that key is already stored, at position " + (same + 1));
        }
        List<String> next = new ArrayList<>(stored);
        next.add(secrets.seal(plain));
        file.write(next);
        return plain;
    }

    /** @return the stored keys by position and fingerprint, never in the clear */
    public List<Listed> list() {
        List<String> stored = file.read();
        List<Listed> all = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            String fingerprint;
            try {
                fingerprint = fingerprint(secrets.open(stored.get(i)));
            } catch (IllegalStateException e) {
                fingerprint = null;
            }
            all.add(new Listed(i + 1, fingerprint, secrets.sealed(stored.get(i))));
        }
        return all;
    }

    /** @param which a position (1 is the first) or a fingerprint @return the position removed */
    public int remove(String which) {
        List<String> stored = file.read();
        int index = -1;
        if (which.matches("[0-9]{1,4}")) {
            index = Integer.parseInt(which) - 1;
            if (index < 0 || index >= stored.size()) {
                throw new IllegalArgumentException("no key at position " + which + ": there " + (stored.size() == 1
                        ? "is 1 key" : "are " + stored.size() + " keys"));
            }
        } else {
            List<String> open = openAll(stored);
            for (int i = 0; i < open.size(); i++) {
                if (fingerprint(open.get(i)).equalsIgnoreCase(which)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("no key with fingerprint '" + which.replaceAll("[^0-9A-Za-z]", "?")
                        + "': see llm:gateway key list");
            }
        }
        List<String> next = new ArrayList<>(stored);
        next.remove(index);
        file.write(next);
        return index + 1;
    }

    /** @return how many plain-text keys were sealed */
    public int encrypt() {
        List<String> stored = file.read();
        openAll(stored);
        List<String> next = stored.stream().map(k -> secrets.sealed(k) ? k : secrets.seal(k)).toList();
        int count = (int) stored.stream().filter(k -> !secrets.sealed(k)).count();
        if (count > 0) {
            file.write(next);
        }
        return count;
    }

    /** @return the file the keys live in */
    public Path file() {
        return file.path();
    }

    /** @return how many keys are stored */
    public int count() {
        return file.read().size();
    }

    /** @return the first 8 hex digits of the key's SHA-256: names it without revealing it */
    public static String fingerprint(String plain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> openAll(List<String> stored) {
        List<String> open = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            try {
                open.add(secrets.open(stored.get(i)));
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("key " + (i + 1) + " of " + file.path() + " cannot be opened ("
                        + e.getMessage() + "); nothing was changed");
            }
        }
        return open;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
