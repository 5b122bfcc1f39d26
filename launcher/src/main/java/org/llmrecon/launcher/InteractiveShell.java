package org.llmrecon.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The shell a person types in: JLine in the launcher, outside the framework,
 * because the terminal (raw mode, SIGINT, the size) belongs to the process
 * like its standard input, and an embedder of the runtime never wants one.
 * A prompt, line editing, a history file in the user's home, Tab completion,
 * Ctrl-C cancelling the running command (or clearing the line at the prompt),
 * Ctrl-D or {@code exit} ending; states coloured, tables sized to the width.
 */
final class InteractiveShell {
    static final String PROMPT = "llmrecon> ";
    private static final Pattern STATES = Pattern.compile("\\b(ACTIVE|SHADOWED|PENDING|REJECTED|FAILED|LEAKED)\\b");

    private final GogoShell shell;
    private final LiveNames names;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    InteractiveShell(GogoShell shell, LiveNames names) {
        this.shell = shell;
        this.names = names;
    }

    /** Runs until Ctrl-D or {@code exit}; a person saw each failure, so none decides the exit code. */
    void run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("llmrecon").system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("llmrecon")
                    .completer(new ShellCompleter(shell.catalog(), names))
                    .history(new ShellHistory(names::shownInClear))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".llmrecon_history"))
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
            // while a command runs; at the prompt JLine takes Ctrl-C itself (UserInterruptException)
            terminal.handle(Terminal.Signal.INT, signal -> {
                cancelled.set(true);
                shell.interrupt();
            });
            PrintWriter out = terminal.writer();
            out.println("LLMrecon. Type 'help' for the commands; Tab completes, Ctrl-D exits.");
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String command = line.strip();
                if (command.equals("exit")) {
                    break;
                }
                if (!command.isEmpty() && !command.startsWith("#")) {
                    execute(terminal, command);
                }
            }
            reader.getHistory().save();
        }
    }

    private void execute(Terminal terminal, String command) {
        PrintWriter out = terminal.writer();
        cancelled.set(false);
        shell.variable("COLUMNS", terminal.getWidth());
        try {
            String text = shell.execute(command);
            if (text != null) {
                out.println(coloured(terminal, text));
            }
            if (cancelled.get()) {
                out.println("cancelled"); // the command stopped early on its own (a stream ends at the next chunk)
            }
            out.flush();
        } catch (Exception e) {
            String message = cancelled.get() ? System.lineSeparator() + "cancelled" : "error: " + shell.message(e);
            out.println(new AttributedStringBuilder().style(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED))
                    .append(message).toAnsi(terminal));
            out.flush();
        }
    }

    /** States in colour; JSON stays as a program reads it. */
    private static String coloured(Terminal terminal, String text) {
        if (text.startsWith("{") || text.startsWith("[")) {
            return text;
        }
        AttributedStringBuilder b = new AttributedStringBuilder();
        Matcher m = STATES.matcher(text);
        int at = 0;
        while (m.find()) {
            b.append(text, at, m.start());
            int colour = switch (m.group(1)) {
                case "ACTIVE" -> AttributedStyle.GREEN;
                case "SHADOWED", "PENDING" -> AttributedStyle.YELLOW;
                default -> AttributedStyle.RED;
            };
            b.styled(AttributedStyle.DEFAULT.foreground(colour), m.group(1));
            at = m.end();
        }
        return b.append(text.substring(at)).toAnsi(terminal);
    }
}
