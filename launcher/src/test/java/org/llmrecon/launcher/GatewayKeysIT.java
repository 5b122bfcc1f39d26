package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm:gateway key add} as people run it: a key printed once, only {@code ENC(...)} in
 * {@code etc/org.llmrecon.gateway.cfg}, and a gateway started afterwards that takes both keys and no other.
 */
class GatewayKeysIT {
    @TempDir
    Path work;

    @Test
    void keysAddedInTheShellAreStoredSealedAndOpenTheGatewayStartedAfterwards() throws Exception {
        String generated;
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:gateway key add")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(p.out().get(0).startsWith("new gateway key (shown only this once; stored encrypted in "),
                    p.out().toString());
            generated = p.out().get(1);
            assertTrue(generated.matches("llmr-[A-Za-z0-9_-]{43}"), p.out().toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:gateway key add sk-given-2")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(p.out().get(0).startsWith("added key "), p.out().toString());
            assertFalse(String.join("\n", p.out()).contains("sk-given-2"), p.out().toString());
        }
        // the keys were written without the gateway: its bundles are installed only with --http
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "lb -s")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            String bundles = String.join("\n", p.out());
            assertTrue(bundles.contains("org.llmrecon.core-runtime"), bundles);
            assertFalse(bundles.contains("org.llmrecon.gateway") || bundles.contains("org.apache.felix.http"), bundles);
        }
        String cfg = Files.readString(work.resolve("etc/org.llmrecon.gateway.cfg"));
        assertTrue(cfg.matches("keys = ENC\\([^),]+\\),ENC\\([^),]+\\)\n"), cfg);
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:gateway key list")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertEquals(3, p.out().size(), p.out().toString());
            assertTrue(p.out().get(2).matches("2 +[0-9a-f]{8} +encrypted"), p.out().toString());
        }

        try (LauncherProcess p = LauncherProcess.start(work, "--http", "0", "--no-shell")) {
            String line = p.awaitErrLine(l -> l.startsWith("llmrecon: gateway listening on "), "gateway listening");
            URI v1 = URI.create(line.replaceAll("^llmrecon: gateway listening on (\\S+/v1).*$", "$1") + "/");
            GatewayClient client = new GatewayClient(v1, generated);
            // File Install hands the configuration over soon after start: until then there are no keys
            GatewayIT.await(() -> GatewayIT.status(client.withKey(null), "models") == 401,
                    "the keys from the file applied");
            assertEquals(200, GatewayIT.status(client, "models"));
            assertEquals(200, GatewayIT.status(client.withKey("sk-given-2"), "models"));
            assertEquals(401, GatewayIT.status(client.withKey("sk-given-3"), "models"));
        }

        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:gateway key remove 3")) {
            assertEquals(1, p.exitCode());
            assertEquals(List.of("error: no key at position 3: there are 2 keys"), p.err());
        }
    }
}
