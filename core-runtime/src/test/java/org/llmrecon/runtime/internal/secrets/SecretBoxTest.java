package org.llmrecon.runtime.internal.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    private static final String KEY = "sk-live-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void sealsWithARandomNonceAndOpensAgain() throws Exception {
        SecretBox box = new SecretBox(dir.resolve("k"));
        String a = box.seal(KEY);
        String b = box.seal(KEY);
        assertTrue(box.sealed(a));
        assertNotEquals(a, b);
        assertFalse(a.contains(KEY));
        assertEquals(KEY, box.open(a));
        assertEquals(KEY, new SecretBox(dir.resolve("k")).open(b));
        assertEquals("plain", box.open("plain"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("k"))));
    }

    @Test
    void aMissingKeyIsReportedNotReplaced() {
        String sealed = new SecretBox(dir.resolve("k")).seal(KEY);
        SecretBox other = new SecretBox(dir.resolve("missing"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.open(sealed));
        assertEquals("cannot decrypt: key file " + dir.resolve("missing") + " is missing", e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void aWrongKeyOrAChangedValueSaysSoWithoutTheValue() {
        String sealed = new SecretBox(dir.resolve("k")).seal(KEY);
        SecretBox other = new SecretBox(dir.resolve("other"));
        other.seal("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.open(sealed));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        String changed = sealed.substring(0, 10) + (sealed.charAt(10) == 'A' ? 'B' : 'A') + sealed.substring(11);
        e = assertThrows(IllegalStateException.class, () -> new SecretBox(dir.resolve("k")).open(changed));
        assertFalse(e.getMessage().contains(changed));
        e = assertThrows(IllegalStateException.class, () -> new SecretBox(dir.resolve("k")).open("ENC(!!)"));
        assertEquals("cannot decrypt: the value is not Base64 inside ENC(...)", e.getMessage());
    }

    @Test
    void theKeyFileComesFromThePropertyThenTheEnvironmentThenTheEtcFolder() {
        assertEquals(Path.of("/p/k"), SecretBox.location("/p/k", "/e/k", "/etc"));
        assertEquals(Path.of("/e/k"), SecretBox.location(null, "/e/k", "/etc"));
        assertEquals(Path.of("/etc/.llmrecon.key"), SecretBox.location(" ", null, "/etc"));
    }
}
