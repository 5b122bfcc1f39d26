package org.llmrecon.runtime.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ProviderUnavailableException;

class ProviderCommandsTest {
    private final FakeProviders fake = new FakeProviders();
    private final FakePlugins plugins = new FakePlugins();
    private final ProviderCommands commands = new ProviderCommands(fake, plugins);

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void providersShowPluginStateAndUsage() {
        plugins.plugins.add(FakePlugins.active("Echo", "echo"));
        assertEquals("""
                TARGET  TYPE  PLUGIN  STATE   REQUESTS  ERRORS  RETRIES  TOKENS IN/OUT  COST          P50  P95  P99   INSTANCES OPEN/CREATED
                echo    echo  Echo    ACTIVE  3         1       2        10/20          0.000120 USD  5ms  9ms  12ms  1/3

                TARGET  MODEL   REQUESTS  ERRORS  TOKENS IN/OUT  COST
                echo    echo-1  3         1       10/20          0.000120 USD
                echo    echo-2  1         0       1/1            unknown""".stripIndent(),
                commands.providers(false));
        String json = commands.providers(true);
        assertTrue(json.contains("\"instances\" : {\n    \"created\" : 3,\n    \"closed\" : 2,\n    \"open\" : 1"), json);
        assertTrue(json.contains("\"latencyP95Millis\" : 9"), json);
        assertTrue(json.contains("\"plugin\" : \"Echo\""), json);
        assertTrue(json.contains("\"cost\" : {\n      \"amount\" : 1.2E-4,\n      \"currency\" : \"USD\""), json);
        assertTrue(json.contains("\"echo-2\" : {"), json);
        assertTrue(json.contains("\"cost\" : \"unknown\""), json);
    }

    @Test
    void modelsOfAllTypesOrOne() {
        String table = commands.models(false);
        assertTrue(table.startsWith("TYPE  MODEL   KIND  MAX TOKENS  PRICE IN/OUT PER 1M  CAPABILITIES\necho  echo-1  CHAT  4096        unknown"), table);
        assertEquals(table, commands.models(false, "echo"));
        assertTrue(commands.models(true, "echo").contains("\"id\" : \"echo-1\""));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> commands.models(false, "nope"));
        assertEquals("no plugin offers provider type 'nope'", e.getMessage());
    }

    @Test
    void configSetsAndShowsSecretsMasked() {
        TargetCommands targets = new TargetCommands(fake,
                org.llmrecon.runtime.internal.config.ConfigManagers.of(dir, null));
        assertEquals("no configuration for 'echo'", targets.config("echo"));
        assertEquals("set echo apiKey (in memory: no configuration folder)",
                targets.config("echo", "apiKey", "sk-very-secret"));
        assertEquals("set echo baseUrl = http://127.0.0.1:1 (in memory: no configuration folder)",
                targets.config("echo", "baseUrl", "http://127.0.0.1:1"));
        String shown = targets.config("echo");
        assertFalse(shown.contains("sk-very-secret"), shown);
        assertEquals("""
                KEY      VALUE               SOURCE
                apiKey   ********            api
                baseUrl  http://127.0.0.1:1  api""".stripIndent(), shown);
        assertThrows(IllegalArgumentException.class, () -> targets.config("echo", "bogus", "1"));
    }

    @Test
    void targetsAreAddedStoredVersionedAndRolledBack() {
        java.nio.file.Path etc = dir.resolve("etc");
        TargetCommands targets = new TargetCommands(fake,
                org.llmrecon.runtime.internal.config.ConfigManagers.of(dir, etc));
        assertTrue(targets.target("add", "local", "echo", "baseUrl=http://a", "apiKey=sk-secret-1")
                .startsWith("added target local of type echo"));
        assertEquals("set local baseUrl = http://b", targets.config("local", "baseUrl", "http://b"));
        String history = targets.config("history", "local");
        assertTrue(history.contains("set baseUrl"), history);
        assertFalse(history.contains("sk-secret-1"), history);
        assertEquals("rolled back local to version 1; now version 3", targets.config("rollback", "local", "1"));
        assertTrue(targets.config("local").contains("http://a"));
        assertEquals("removed target local", targets.target("remove", "local"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> targets.target("add", "x", "echo", "novalue"));
        assertEquals("'novalue' is not KEY=VALUE", e.getMessage());
        String listed = targets.targets(false);
        assertTrue(listed.startsWith("TARGET  TYPE  SOURCE   STATE      CIRCUIT"), listed);
    }

    @Test
    void chatStreamsChunksAsTheyArriveAndPassesOptions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ChatCommand(fake).stream(out, "echo-1", "be brief", "0.5", "", "echo", "hello there");
        assertEquals("<hello><there>\n", bytes.toString(StandardCharsets.UTF_8));
        var request = fake.requests.get(0);
        assertEquals("echo-1", request.model());
        assertEquals(0.5, request.temperature());
        assertEquals("system", request.messages().get(0).role());
        assertEquals("be brief", request.messages().get(0).content());
    }

    @Test
    void chatRejectsABadTemperatureAndAnEmptyPrompt() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ChatCommand chat = new ChatCommand(fake);
        assertEquals("--temperature 'hot': not a number", assertThrows(IllegalArgumentException.class,
                () -> chat.stream(out, "", "", "hot", "", "echo", "hi")).getMessage());
        assertEquals("chat echo: the prompt is empty", assertThrows(IllegalArgumentException.class,
                () -> chat.stream(out, "", "", "", "", "echo", " ")).getMessage());
        assertTrue(fake.requests.isEmpty());
    }
}
