package org.llmrecon.runtime.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustCheckerTest {
    @TempDir
    static Path keys;
    private static Path trusted;
    private static Path stranger;
    private static Path trustStore;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        trusted = Signing.keyStore(keys.resolve("trusted.p12"), "trusted", "CN=Trusted Signer,O=LLMrecon");
        stranger = Signing.keyStore(keys.resolve("stranger.p12"), "stranger", "CN=Stranger,O=Elsewhere");
        trustStore = Signing.trustStore(trusted, "trusted", keys.resolve("trust.p12"));
    }

    private TrustChecker checker(Path allow) {
        return new TrustChecker(TrustAnchors.load(trustStore, Signing.PASSWORD.toCharArray()), new AllowList(allow));
    }

    @Test
    void signedByATrustedSignerIsTrusted() throws Exception {
        Path jar = Signing.sign(Signing.jar(dir.resolve("p.jar")), trusted, "trusted");
        assertEquals(Verdict.TRUSTED, checker(null).check(jar));
    }

    @Test
    void unsignedIsRefusedNamingItsHashAndTheAllowFile() throws Exception {
        Path jar = Signing.jar(dir.resolve("p.jar"));
        Path allow = Files.writeString(dir.resolve("allow.txt"), "# nothing yet\n", StandardCharsets.UTF_8);
        Verdict v = checker(allow).check(jar);
        assertFalse(v.trusted());
        assertEquals(Verdict.UNSIGNED, v.tag());
        assertEquals("not trusted: unsigned and its SHA-256 " + JarSignature.sha256(jar) + " is not in " + allow,
                v.reason());
    }

    @Test
    void unsignedWithoutAllowFileSaysNoneIsConfigured() throws Exception {
        Verdict v = checker(null).check(Signing.jar(dir.resolve("p.jar")));
        assertTrue(v.reason().contains("no allow file is configured (llmrecon.trust.allow)"), v.reason());
    }

    @Test
    void unsignedListedInTheAllowFileIsTrusted() throws Exception {
        Path jar = Signing.jar(dir.resolve("p.jar"));
        Path allow = Files.writeString(dir.resolve("allow.txt"), "# reviewed\n"
                + JarSignature.sha256(jar).toUpperCase() + "   # p.jar 1.0\n", StandardCharsets.UTF_8);
        assertEquals(Verdict.TRUSTED, checker(allow).check(jar));
    }

    @Test
    void allowFileIsReadOnEveryCheck() throws Exception {
        Path jar = Signing.jar(dir.resolve("p.jar"));
        Path allow = Files.writeString(dir.resolve("allow.txt"), "", StandardCharsets.UTF_8);
        TrustChecker checker = checker(allow);
        assertFalse(checker.check(jar).trusted());
        Files.writeString(allow, JarSignature.sha256(jar) + "\n", StandardCharsets.UTF_8);
        assertTrue(checker.check(jar).trusted());
    }

    @Test
    void modifiedEntryAfterSigningIsRefusedNamingTheEntry() throws Exception {
        Path signed = Signing.sign(Signing.jar(dir.resolve("p.jar")), trusted, "trusted");
        Path tampered = Signing.rewrite(signed, dir.resolve("tampered.jar"), "a/Two.txt", "evil");
        Verdict v = checker(null).check(tampered);
        assertEquals("not trusted: signature does not verify (entry a/Two.txt was modified)", v.reason());
        assertEquals(Verdict.UNTRUSTED, v.tag());
    }

    @Test
    void entryAddedAfterSigningIsRefused() throws Exception {
        Path signed = Signing.sign(Signing.jar(dir.resolve("p.jar")), trusted, "trusted");
        Path grown = Signing.rewrite(signed, dir.resolve("grown.jar"), "a/Three.class", "added later");
        assertEquals("not trusted: signature does not verify (entry a/Three.class is not signed)",
                checker(null).check(grown).reason());
    }

    @Test
    void signedByAnotherSignerIsRefusedNamingIt() throws Exception {
        Path jar = Signing.sign(Signing.jar(dir.resolve("p.jar")), stranger, "stranger");
        Verdict v = checker(null).check(jar);
        assertEquals("not trusted: signed by CN=Stranger,O=Elsewhere, which is not in the trust store " + trustStore,
                v.reason());
    }

    @Test
    void hashInTheAllowFileAcceptsEvenAnUntrustedSigner() throws Exception {
        Path jar = Signing.sign(Signing.jar(dir.resolve("p.jar")), stranger, "stranger");
        Path allow = Files.writeString(dir.resolve("allow.txt"), JarSignature.sha256(jar), StandardCharsets.UTF_8);
        assertTrue(checker(allow).check(jar).trusted());
    }

    @Test
    void unreadableStoreTrustsNobodyAndNeverShowsThePassword() throws Exception {
        TrustAnchors anchors = TrustAnchors.load(trustStore, "wrong-password".toCharArray());
        assertFalse(anchors.problem().contains("wrong-password"), anchors.problem());
        assertFalse(anchors.problem().contains(Signing.PASSWORD), anchors.problem());
        Path jar = Signing.sign(Signing.jar(dir.resolve("p.jar")), trusted, "trusted");
        Verdict v = new TrustChecker(anchors, new AllowList(null)).check(jar);
        assertTrue(v.reason().startsWith("not trusted: signed by CN=Trusted Signer,O=LLMrecon, which is not in the "
                + "trust store " + trustStore + ": trust store " + trustStore + " cannot be read"), v.reason());
    }

    @Test
    void missingJarIsRefusedAsUnreadable() {
        Verdict v = checker(null).check(dir.resolve("gone.jar"));
        assertTrue(v.reason().startsWith("not trusted: " + dir.resolve("gone.jar") + " cannot be read"), v.reason());
    }

    @Test
    void changedFileIsCheckedAgain() throws Exception {
        Path jar = Signing.sign(Signing.jar(dir.resolve("p.jar")), trusted, "trusted");
        TrustChecker checker = checker(null);
        assertTrue(checker.check(jar).trusted());
        Signing.jar(jar);
        assertFalse(checker.check(jar).trusted(), "the unsigned jar now in its place");
    }

    @Test
    void policyValues() {
        assertEquals(TrustMode.WARN, TrustMode.parse(null));
        assertEquals(TrustMode.ENFORCE, TrustMode.parse(" Enforce "));
        assertEquals(TrustMode.OFF, TrustMode.parse("off"));
        assertNull(TrustMode.parse("strict"));
    }
}
