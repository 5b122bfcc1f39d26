package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher jar as people run it: options, exit codes, one-shot commands and the template plugin. */
class LauncherIT {
    @TempDir
    Path work;

    @Test
    void helpPrintsUsage() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work, "--help")) {
            assertEquals(0, p.exitCode());
            assertTrue(p.out().get(0).startsWith("Usage:"), p.out().toString());
        }
    }

    @Test
    void unknownOptionIsOneLineAndExitCode2() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work, "--bogus")) {
            assertEquals(2, p.exitCode());
            assertEquals(List.of("llmrecon: unknown option '--bogus' (see --help)"), p.err());
            assertEquals(List.of(), p.out());
        }
    }

    @Test
    void missingPluginFolderIsOneLineAndExitCode2() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work, "--plugins", "missing", "-c", "llm:dirs")) {
            assertEquals(2, p.exitCode());
            assertEquals(List.of("llmrecon: --plugins missing: no such directory"), p.err());
        }
    }

    @Test
    void etcThatIsAFileIsOneLineAndExitCode2() throws Exception {
        Files.writeString(work.resolve("etc.txt"), "x");
        try (LauncherProcess p = LauncherProcess.start(work, "--etc", "etc.txt")) {
            assertEquals(2, p.exitCode());
            assertEquals(List.of("llmrecon: --etc etc.txt: not a directory"), p.err());
        }
    }

    @Test
    void malformedRuntimePropertyIsOneLineNamingItAndExitCode3() throws Exception {
        // an immediate component (the factory) and a delayed one (the plugin manager, first used by the command)
        for (String property : List.of("llmrecon.swap.drain", "llmrecon.leak.delay")) {
            try (LauncherProcess p = LauncherProcess.start(work, List.of("-D" + property + "=soon"), "-c",
                    "llm:plugins")) {
                assertEquals(3, p.exitCode(), p.err().toString());
                assertEquals(1, p.err().size(), p.err().toString());
                assertTrue(p.err().get(0).startsWith("llmrecon: ") && p.err().get(0).contains("framework property "
                        + property + ": not a duration: 'soon'"), p.err().toString());
            }
        }
    }

    @Test
    void dirsShowsTheDefaultFoldersItCreated() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:dirs")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            Path real = work.toRealPath();
            assertTrue(Files.isDirectory(work.resolve("plugins")));
            assertEquals(List.of("plugins  " + real.resolve("plugins"), "etc      " + real.resolve("etc")), p.out());
        }
    }

    @Test
    void pluginsListsTheTemplateAsActiveAndChatAnswersOffline() throws Exception {
        Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), work.resolve("plugins/mock.jar"));
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:plugins")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(p.out().stream().anyMatch(l -> l.contains(" mock ") && l.contains("ACTIVE")), p.out()
                    .toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:chat mock \"hello\"")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(String.join("\n", p.out()).contains("hello"), p.out().toString());
        }
    }

    @Test
    void failingCommandIsOneLineAndExitCode1() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:plugin nope")) {
            assertEquals(1, p.exitCode());
            assertEquals(List.of("error: no plugin named 'nope'"), p.err());
        }
    }

    @Test
    void brokenJarIsListedWithItsReasonWhileTheTemplateWorks() throws Exception {
        Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), work.resolve("plugins/mock.jar"));
        Files.write(work.resolve("plugins/x.jar"), Fixtures.randomBytes(4096));
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:plugins")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            String broken = p.awaitLine(l -> l.startsWith("x.jar"), "for x.jar");
            assertTrue(broken.contains("FAILED") && broken.length() > "x.jar  FAILED".length() + 10, broken);
            assertTrue(p.out().stream().anyMatch(l -> l.contains(" mock ") && l.contains("ACTIVE")), p.out()
                    .toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:chat mock still working")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(String.join("\n", p.out()).contains("still working"), p.out().toString());
        }
    }

    @Test
    void configurationFilesInEtcAreAppliedBeforeTheCommandAndSecretsMasked() throws Exception {
        Files.createDirectories(work.resolve("etc"));
        Files.writeString(work.resolve("etc/providers.json"),
                "{\"mock\": {\"apiKey\": \"sk-never-shown\", \"retry\": {\"maxRetries\": 1}}}");
        Files.writeString(work.resolve("etc/org.llmrecon.provider-mock.cfg"), "defaultModel=mock-chat\n");
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:config mock")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertEquals(List.of("KEY               VALUE      SOURCE", "apiKey            ********   etc",
                    "defaultModel      mock-chat  etc", "retry.maxRetries  1          etc"), p.out());
        }
    }

    @Test
    void targetsAndValuesSetInTheShellLastAcrossARestartWithTheirKeyEncrypted() throws Exception {
        Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), work.resolve("plugins/mock.jar"));
        String key = "sk-launcher-secret-0123456789";
        try (LauncherProcess p = LauncherProcess.start(work, "-c",
                "llm:target add second mock apiKey=" + key + " \"param.reply=Second: {prompt}\"")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(p.out().get(0).startsWith("added target second of type mock"), p.out().toString());
            assertTrue(p.out().stream().noneMatch(l -> l.contains(key)), p.out().toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:config mock param.reply \"Shell: {prompt}\"")) {
            assertEquals(0, p.exitCode(), p.err().toString());
        }
        String written = Files.readString(work.resolve("etc/org.llmrecon.provider-second.cfg"));
        assertTrue(written.contains("apiKey = ENC(") && !written.contains(key), written);
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:chat second hi")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(String.join("\n", p.out()).contains("Second: hi"), p.out().toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:chat mock hi")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(String.join("\n", p.out()).contains("Shell: hi"), p.out().toString());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:config history second")) {
            assertEquals(0, p.exitCode(), p.err().toString());
            String history = String.join("\n", p.out());
            assertTrue(history.contains("add mock") && !history.contains(key), history);
        }
    }
}
