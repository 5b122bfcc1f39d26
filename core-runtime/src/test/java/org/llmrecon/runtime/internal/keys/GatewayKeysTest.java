package org.llmrecon.runtime.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.Secrets;

class GatewayKeysTest {
    @TempDir
    Path etc;

    /** Seals reversibly (Base64 in ENC(...)); ENC(bad) does not open, as with a wrong key file. */
    static final Secrets SECRETS = new Secrets() {
        @Override
        public String seal(String plain) {
            return "ENC(" + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + ")";
        }

        @Override
        public String open(String stored) {
            if (stored.equals("ENC(bad)")) {
                throw new IllegalStateException("the value does not open with key file /k");
            }
            return sealed(stored) ? new String(Base64.getDecoder().decode(stored.substring(4, stored.length() - 1)),
                    StandardCharsets.UTF_8) : stored;
        }

        @Override
        public boolean sealed(String stored) {
            return stored.startsWith("ENC(") && stored.endsWith(")");
        }
    };

    private Path cfg() {
        return etc.resolve("org.llmrecon.gateway.cfg");
    }

    private GatewayKeys keys() {
        return new GatewayKeys(new GatewayKeyFile(etc), SECRETS);
    }

    @Test
    void aGeneratedKeyIsStrongAndStoredOnlySealedKeepingTheFilesOtherLines() throws Exception {
        Files.writeString(cfg(), "# the gateway\nmaxBodyBytes = 65536\nrateLimitPerMinute=5\n");
        String key = keys().add(null);
        assertTrue(key.matches("llmr-[A-Za-z0-9_-]{43}"), key);
        String text = Files.readString(cfg());
        assertEquals("# the gateway\nmaxBodyBytes = 65536\nrateLimitPerMinute=5\nkeys = " + SECRETS.seal(key)
                + "\n", text);
        assertFalse(text.contains(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg())));
        assertFalse(key.equals(keys().add(null)));
        assertEquals(2, keys().count());
        try (var files = Files.list(etc)) {
            assertEquals(List.of(cfg()), files.toList());
        }
    }

    @Test
    void listShowsFingerprintsNeverKeysAndRemoveTakesAFingerprintOrAPosition() throws Exception {
        Files.writeString(cfg(), "keys = plain-one , " + SECRETS.seal("sealed-two") + ",\\\n  ENC(bad)\nx=1\n");
        List<GatewayKeys.Listed> all = keys().list();
        assertEquals(List.of(new GatewayKeys.Listed(1, GatewayKeys.fingerprint("plain-one"), false),
                new GatewayKeys.Listed(2, GatewayKeys.fingerprint("sealed-two"), true),
                new GatewayKeys.Listed(3, null, true)), all);
        assertTrue(all.get(0).fingerprint().matches("[0-9a-f]{8}"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys().remove(GatewayKeys.fingerprint("sealed-two")));
        assertEquals("key 3 of " + cfg() + " cannot be opened (the value does not open with key file /k);"
                + " nothing was changed", e.getMessage());
        assertEquals(3, keys().remove("3"));
        assertEquals(2, keys().remove(GatewayKeys.fingerprint("sealed-two").toUpperCase()));
        assertEquals("keys = plain-one\nx=1\n", Files.readString(cfg()));
        assertEquals("no key at position 2: there is 1 key",
                assertThrows(IllegalArgumentException.class, () -> keys().remove("2")).getMessage());
        keys().remove("1");
        assertEquals("x=1\n", Files.readString(cfg()));
    }

    @Test
    void encryptSealsPlainKeysAndRewritesNothingWhenOneDoesNotOpen() throws Exception {
        Files.writeString(cfg(), "keys=a,ENC(bad)\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keys().encrypt());
        assertTrue(e.getMessage().startsWith("key 2 of "), e.getMessage());
        assertEquals("keys=a,ENC(bad)\n", Files.readString(cfg()));

        Files.writeString(cfg(), "keys=a," + SECRETS.seal("b") + "\n");
        assertEquals(1, keys().encrypt());
        assertEquals("keys = " + SECRETS.seal("a") + "," + SECRETS.seal("b") + "\n", Files.readString(cfg()));
        assertEquals(0, keys().encrypt());
    }

    @Test
    void addRefusesAKeyTwiceAndOneWithSpacesWithoutEchoingIt() throws Exception {
        keys().add("sk-given");
        assertEquals("that key is already stored, at position 1",
                assertThrows(IllegalArgumentException.class, () -> keys().add("sk-given")).getMessage());
        String m = assertThrows(IllegalArgumentException.class, () -> keys().add("sk secret")).getMessage();
        assertFalse(m.contains("secret"), m);
        assertEquals("keys = " + SECRETS.seal("sk-given") + "\n", Files.readString(cfg()));
    }

    @Test
    void aDotConfigFileIsNamedRatherThanShadowed() throws Exception {
        Files.writeString(etc.resolve("org.llmrecon.gateway.config"), "keys=[\"a\"]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GatewayKeyFile(etc));
        assertTrue(e.getMessage().contains("org.llmrecon.gateway.config"), e.getMessage());
    }
}
