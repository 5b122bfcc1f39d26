package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellCommandTest {
    @Test
    void usageNamesOptionsAndArgumentsByWhatTheyAre() {
        ShellCommand.Form chat = new ShellCommand.Form("send one prompt",
                List.of(new ShellCommand.Option(List.of("-m", "--model"), "model", false),
                        new ShellCommand.Option(List.of("--json"), "write JSON", true)),
                List.of(new ShellCommand.Argument("provider type"), new ShellCommand.Argument("the prompt")), true);
        assertEquals("chat [--model MODEL] [--json] TARGET PROMPT...", chat.usage("chat"));
        ShellCommand.Form all = new ShellCommand.Form("list", List.of(), List.of(), false);
        ShellCommand.Form one = new ShellCommand.Form("list one", List.of(),
                List.of(new ShellCommand.Argument("provider type")), false);
        assertEquals("models | models TARGET", new ShellCommand("llm", "models", List.of(all, one)).usage());
    }

    @Test
    void anUnknownOptionIsFoundOnlyBeforeTheFirstArgument() {
        ShellCommand chat = new ShellCommand("llm", "chat", List.of(new ShellCommand.Form("send",
                List.of(new ShellCommand.Option(List.of("-t", "--temperature"), "temperature", false)),
                List.of(new ShellCommand.Argument("provider type"), new ShellCommand.Argument("the prompt")), true)));
        assertEquals(java.util.Optional.of("--bogus"), chat.unknownOption(List.of("-t", "-0.5", "--bogus", "mock")));
        assertEquals(java.util.Optional.empty(), chat.unknownOption(List.of("-t", "-0.5", "mock", "--not-an-option")));
    }

    @Test
    void kindsComeFromTheDescriptionsTheCommandsShare() {
        assertEquals(ArgumentKind.TARGET, ArgumentKind.of("provider type"));
        assertEquals(ArgumentKind.PLUGIN, ArgumentKind.of("plugin name, provider type or file name"));
        assertEquals(ArgumentKind.JAR, ArgumentKind.of("path of the plugin jar"));
        assertEquals(ArgumentKind.FILE, ArgumentKind.of("file to write, ending in .hprof"));
        assertEquals(ArgumentKind.KEY, ArgumentKind.of("key, e.g. apiKey, baseUrl"));
        assertEquals(ArgumentKind.MODEL, ArgumentKind.of("model"));
        assertEquals("VALUE", ArgumentKind.of("the value").label("the value"));
        assertEquals(ArgumentKind.TEXT, ArgumentKind.of("the value"));
    }
}
