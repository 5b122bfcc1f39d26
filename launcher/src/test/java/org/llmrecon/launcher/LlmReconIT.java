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
}
