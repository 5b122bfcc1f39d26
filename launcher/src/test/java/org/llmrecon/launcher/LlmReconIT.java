package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.runtime.ConfigEntry;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;

/** The embedding API: the runtime inside this test's JVM, its services used directly. */
class LlmReconIT {
    @TempDir
    Path work;

    @Test
    void startsWithAPluginFolderAndServesTheTemplate() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), plugins.resolve("mock.jar"));
        try (LlmRecon llm = LlmRecon.builder().pluginFolder(plugins).config("mock", "defaultModel", "mock-chat")
                .start()) {
            assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
            assertEquals(PluginState.ACTIVE, llm.pluginManager().plugin("mock").orElseThrow().state());
            ChatResponse r = llm.providerFactory().getProvider("mock")
                    .chat(ChatRequest.builder().user("embedded").build());
            assertTrue(r.toString().contains("embedded"), r.toString());
            List<ConfigEntry> config = llm.configManager().describe("mock");
            assertTrue(config.contains(new ConfigEntry("defaultModel", "mock-chat", "api", false)), config.toString());
            assertEquals(List.of(plugins.toAbsolutePath().normalize()), llm.pluginManager().watchedFolders());
        }
    }

    @Test
    void aTargetGivenInCodeIsWrittenToEtcAndSeenByTheNextRuntime() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.copy(Fixtures.template(), plugins.resolve("mock.jar"));
        String key = "sk-embedded-secret-0123456789";
        try (LlmRecon llm = LlmRecon.builder().pluginFolder(plugins).etcFolder(etc)
                .target("local", "mock", java.util.Map.of("apiKey", key, "param.reply", "Local: {prompt}"))
                .start()) {
            assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
            assertEquals("Local: one", llm.providerFactory().getProvider("local")
                    .chat(ChatRequest.builder().user("one").build()).text());
            llm.configManager().set("local", "param.reply", "Changed: {prompt}");
        }
        String written = Files.readString(etc.resolve("org.llmrecon.provider-local.cfg"));
        assertTrue(written.contains("apiKey = ENC("), written);
        assertTrue(!written.contains(key), written);
        try (LlmRecon llm = LlmRecon.builder().pluginFolder(plugins).etcFolder(etc).start()) {
            assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
            assertEquals("Changed: two", llm.providerFactory().getProvider("local")
                    .chat(ChatRequest.builder().user("two").build()).text());
            assertEquals("mock", llm.providerFactory().target("local").orElseThrow().type());
            assertEquals(List.of("add mock", "set param.reply"), llm.configManager().history("local").stream()
                    .map(org.llmrecon.api.runtime.ConfigVersion::change).toList());
        }
    }
}
