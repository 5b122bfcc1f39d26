package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a person runs it, in a real terminal (a tmux pane): the
 * prompt, Tab, history, Ctrl-C and Ctrl-D; and that piped input and
 * {@code -c} stay plain text without a prompt.
 */
class TerminalShellIT {
    private static final String PROMPT = "llmrecon>";

    @TempDir
    Path work;

    @Test
    void promptCompletionHistoryAndCtrlCInATerminal() throws Exception {
        assumeTrue(Tmux.available() || System.getenv("CI") != null, "tmux is not installed (.ci/run installs it)");
        Files.copy(Fixtures.template(), Files.createDirectories(work.resolve("plugins")).resolve("mock.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -Duser.home='" + work + "' -jar '" + LauncherProcess.jar()
                + "'; echo \"launcher exit code $?\"";
        try (Tmux t = Tmux.start(work, command)) {
            t.await(s -> lastLine(s).equals(PROMPT), "the prompt");

            t.keys("llm:provi", "Tab");
            t.await(s -> lastLine(s).equals(PROMPT + " llm:providers"), "llm:provi completed");
            t.keys("C-u", "chat mo", "Tab");
            t.await(s -> lastLine(s).equals(PROMPT + " chat mock"), "the target name completed");
            t.keys("hello there", "Enter"); // the completion ended with a space
            t.await(s -> s.contains("Echo: hello there"), "the answer");
            t.await(s -> lastLine(s).equals(PROMPT), "the prompt again");

            t.keys("Up");
            t.await(s -> lastLine(s).equals(PROMPT + " chat mock hello there"), "the last line recalled");
            t.keys("C-c");
            t.await(s -> lastLine(s).equals(PROMPT), "Ctrl-C at the prompt: a fresh line");

            // a slow stream: one word a second, cancelled after its first words
            t.keys("config mock param.tokenDelay 1s", "Enter");
            t.await(s -> s.contains("set mock param.tokenDelay"), "the delay set");
            String words = IntStream.rangeClosed(1, 60).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
            t.keys("chat mock " + words + " never-streamed", "Enter");
            t.await(s -> s.contains("Echo: w1 w2"), "the stream started");
            t.keys("C-c");
            t.await(s -> s.contains("cancelled") && lastLine(s).equals(PROMPT), "the chat cancelled, the prompt back");
            t.keys("plugins", "Enter");
            String screen = t.await(s -> s.contains("ACTIVE") && lastLine(s).equals(PROMPT), "the shell still up");
            assertFalse(screen.lines().anyMatch(l -> l.startsWith("Echo:") && l.contains("never-streamed")), screen);

            t.keys("config mock apiKey sk-it-secret-value", "Enter");
            t.await(s -> s.contains("set mock apiKey") && lastLine(s).equals(PROMPT), "the key set");
            t.keys("C-d");
            t.await(s -> s.contains("launcher exit code 0"), "Ctrl-D: a clean exit");
        }
        List<String> history = Files.readAllLines(work.resolve(".llmrecon_history"));
        assertTrue(history.stream().anyMatch(l -> l.endsWith(":chat mock hello there")), history.toString());
        assertFalse(history.stream().anyMatch(l -> l.contains("sk-it-secret-value")), history.toString());
    }

    @Test
    void pipedInputAndMinusCStayPlainText() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(work)) {
            p.send("help");
            p.send("plugins");
            p.endInput();
            assertEquals(0, p.exitCode(), p.err().toString());
            assertTrue(p.out().stream().anyMatch(l -> l.matches("\\s+chat\\s+send one prompt.*")), p.out().toString());
            assertTrue(p.out().contains("no plugins"), p.out().toString());
            assertFalse(p.out().stream().anyMatch(l -> l.contains(PROMPT) || l.indexOf('\u001b') >= 0),
                    p.out().toString());
        }
        String usage = "chat [--model MODEL] [--system SYSTEM] [--temperature TEMPERATURE] [--image IMAGE] TARGET"
                + " PROMPT..."
                + " (see 'help chat')";
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "llm:chat")) {
            assertEquals(1, p.exitCode());
            assertEquals(List.of("error: usage: " + usage), p.err());
        }
        try (LauncherProcess p = LauncherProcess.start(work, "-c", "chat --bogus mock hi")) {
            assertEquals(1, p.exitCode());
            assertEquals(List.of("error: unknown option '--bogus'; usage: " + usage), p.err());
        }
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }
}
