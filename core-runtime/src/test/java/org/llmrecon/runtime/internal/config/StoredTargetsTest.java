package org.llmrecon.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.ConfigVersion;
import org.llmrecon.runtime.internal.secrets.SecretBox;
import org.llmrecon.runtime.internal.secrets.SecretBoxes;

/** Targets the runtime writes to a configuration folder: atomically, secrets sealed, versioned. */
class StoredTargetsTest {
    private static final String KEY = "sk-live-SECRET-0123456789";

    @TempDir
    Path etc;

    private ProviderConfigurations configs(SecretBox box) {
        return new ProviderConfigurations(Map.of(), null, etc, box, null);
    }

    private Path file(String target) {
        return etc.resolve("org.llmrecon.provider-" + target + ".cfg");
    }

    @Test
    void aTargetIsWrittenWithItsKeySealedAndSeenByASecondRuntime() throws IOException {
        SecretBox box = SecretBoxes.in(etc);
        ProviderConfigurations c = configs(box);
        c.addTarget("local", "openai", Map.of("baseUrl", "http://127.0.0.1:1/v1", "apiKey", KEY));
        String written = Files.readString(file("local"));
        assertFalse(written.contains(KEY), written);
        assertTrue(written.contains("apiKey = ENC("), written);
        assertTrue(written.contains("type = openai"), written);
        assertEquals(KEY, c.config("local").apiKey().reveal());
        assertEquals("openai", c.config("local").type());

        ProviderConfigurations second = configs(SecretBoxes.in(etc));
        Map<String, Object> props = new java.util.HashMap<>(new TargetFiles(etc).read("local"));
        props.put("felix.fileinstall.filename", file("local").toUri().toString());
        second.etc("pid", props);
        assertEquals(KEY, second.config("local").apiKey().reveal());
        assertFalse(Files.readString(etc.resolve(".history/local.json")).contains(KEY));
    }

    @Test
    void everyChangeIsAVersionAndRollbackRestoresTheExactValues() throws IOException {
        ProviderConfigurations c = configs(SecretBoxes.in(etc));
        c.addTarget("local", "openai", Map.of("baseUrl", "http://a", "apiKey", KEY));
        c.set("local", "baseUrl", "http://b");
        c.set("local", "apiKey", "sk-other-key-000000");
        List<ConfigVersion> h = c.history("local");
        assertEquals(List.of(1, 2, 3), h.stream().map(ConfigVersion::version).toList());
        assertEquals("set baseUrl", h.get(1).change());
        assertEquals(java.util.Set.of("baseUrl"), h.get(1).changedKeys());
        assertFalse(h.toString().contains(KEY));
        assertFalse(h.toString().contains("sk-other"));

        c.rollback("local", 1);
        assertEquals("http://a", c.config("local").baseUrl());
        assertEquals(KEY, c.config("local").apiKey().reveal());
        assertEquals(4, c.history("local").get(3).version());
        assertEquals("rollback to 1", c.history("local").get(3).change());
        c.rollback("local", 0);
        assertEquals("sk-other-key-000000", c.config("local").apiKey().reveal());
    }

    @Test
    void onlyTheLastTwentyVersionsAreKept() {
        ProviderConfigurations c = configs(SecretBoxes.in(etc));
        for (int i = 0; i < 25; i++) {
            c.set("mock", "param.latency", i + "ms");
        }
        List<ConfigVersion> h = c.history("mock");
        assertEquals(20, h.size());
        assertEquals(6, h.get(0).version());
        assertEquals(25, h.get(19).version());
    }

    @Test
    void anUnknownVersionOrACorruptedHistoryIsOneLineAndChangesNothing() throws IOException {
        ProviderConfigurations c = configs(SecretBoxes.in(etc));
        c.set("mock", "param.latency", "1ms");
        c.set("mock", "param.latency", "2ms");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.rollback("mock", 9));
        assertEquals("target 'mock' has no version 9 (kept: 1 to 2)", e.getMessage());
        String before = Files.readString(file("mock"));
        Files.writeString(etc.resolve(".history/mock.json"), "{\"versions\": [ {\"version\": 1, ");
        e = assertThrows(IllegalArgumentException.class, () -> c.rollback("mock", 1));
        assertTrue(e.getMessage().startsWith(etc.resolve(".history/mock.json") + ": corrupted"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.set("mock", "param.latency", "3ms"));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
        assertEquals(before, Files.readString(file("mock")));
        assertEquals("2ms", c.config("mock").additionalParams().get("latency"));
    }

    @Test
    void aMissingOrWrongKeyIsOneLineNamingTheKeyFileAndNothingIsRewritten() throws IOException {
        ProviderConfigurations c = configs(SecretBoxes.in(etc));
        c.addTarget("local", "openai", Map.of("apiKey", KEY));
        String before = Files.readString(file("local"));

        SecretBox elsewhere = SecretBoxes.at(etc.resolve("missing.key"));
        ProviderConfigurations wrong = configs(elsewhere);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wrong.set("local", "baseUrl", "http://x"));
        assertEquals("target 'local': apiKey: cannot decrypt: key file " + etc.resolve("missing.key")
                + " is missing; nothing was changed", e.getMessage());
        assertEquals(before, Files.readString(file("local")));
        assertFalse(Files.exists(etc.resolve("missing.key")));
    }

    @Test
    void encryptRewritesPlainSecretsOfHandWrittenFiles() throws IOException {
        Files.writeString(file("corp"), "type=openai\napiKey=" + KEY + "\nbaseUrl=http://corp\n");
        ProviderConfigurations c = configs(SecretBoxes.in(etc));
        assertEquals(1, c.encrypt(null));
        String now = Files.readString(file("corp"));
        assertFalse(now.contains(KEY), now);
        assertTrue(now.contains("baseUrl = http\\://corp") || now.contains("baseUrl = http://corp"), now);
        assertEquals(0, c.encrypt("corp"));
        assertEquals("as found", c.history("corp").get(0).change());
        assertFalse(Files.readString(etc.resolve(".history/corp.json")).contains(KEY));
    }

    @Test
    void removeDeletesTheFileAndCanBeRolledBack() throws IOException {
        ProviderConfigurations c = configs(SecretBoxes.in(etc));
        c.addTarget("local", "openai", Map.of("baseUrl", "http://a"));
        c.removeTarget("local");
        assertFalse(Files.exists(file("local")));
        assertFalse(c.targets().contains("local"));
        c.rollback("local", 0);
        assertTrue(c.targets().contains("local"));
        assertEquals("http://a", c.config("local").baseUrl());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.removeTarget("nothing"));
        assertEquals("the runtime stores no target 'nothing'", e.getMessage());
    }

    @Test
    void valuesWithSpecialCharactersSurviveTheFile() {
        TargetFiles files = new TargetFiles(etc);
        Map<String, String> values = Map.of("header.X-Note", "a=b: c #d \\ é\nnext", "param.x", " lead");
        assertDoesNotThrow(() -> files.write("t", values));
        assertEquals(Map.of("header.X-Note", "a=b: c #d \\ é\nnext", "param.x", "lead"), files.read("t"));
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }
}
