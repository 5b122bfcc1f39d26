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
    private final ProviderCommands commands = new ProviderCommands(fake, plugins, fake);

    @Test
    void providersShowPluginStateAndUsage() {
        plugins.plugins.add(FakePlugins.active("Echo", "echo"));
        assertEquals("""
                TYPE  PLUGIN  STATE   REQUESTS  ERRORS  RETRIES  TOKENS IN/OUT  P50  P95  P99   INSTANCES OPEN/CREATED
                echo  Echo    ACTIVE  3         1       2        10/20          5ms  9ms  12ms  1/3""".stripIndent(),
                commands.providers(false));
        String json = commands.providers(true);
        assertTrue(json.contains("\"instances\" : {\n    \"created\" : 3,\n    \"closed\" : 2,\n    \"open\" : 1"), json);
        assertTrue(json.contains("\"latencyP95Millis\" : 9"), json);
        assertTrue(json.contains("\"plugin\" : \"Echo\""), json);
    }

    @Test
    void modelsOfAllTypesOrOne() {
        String table = commands.models(false);
        assertTrue(table.startsWith("TYPE  MODEL   KIND  MAX TOKENS  CAPABILITIES\necho  echo-1  CHAT  4096"), table);
        assertEquals(table, commands.models(false, "echo"));
        assertTrue(commands.models(true, "echo").contains("\"id\" : \"echo-1\""));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> commands.models(false, "nope"));
        assertEquals("no plugin offers provider type 'nope'", e.getMessage());
    }

    @Test
    void configSetsAndShowsSecretsMasked() {
        assertEquals("no configuration for 'echo'", commands.config("echo"));
        assertEquals("set echo apiKey", commands.config("echo", "apiKey", "sk-very-secret"));
        assertEquals("set echo baseUrl = http://127.0.0.1:1", commands.config("echo", "baseUrl", "http://127.0.0.1:1"));
        String shown = commands.config("echo");
        assertFalse(shown.contains("sk-very-secret"), shown);
        assertEquals("""
                KEY      VALUE               SOURCE
                apiKey   ********            api
                baseUrl  http://127.0.0.1:1  api""".stripIndent(), shown);
        assertThrows(IllegalArgumentException.class, () -> commands.config("echo", "bogus", "1"));
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
