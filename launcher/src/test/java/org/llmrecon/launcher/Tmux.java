package org.llmrecon.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for a test: a command run in a tmux pane on a server of its
 * own (its own socket), keys typed into it and the screen read back. Every
 * wait has a deadline.
 */
final class Tmux implements AutoCloseable {
    private final String socket;

    private Tmux(String socket) {
        this.socket = socket;
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code command} (run by sh) in a 120x40 pane; the pane stays when it ends. */
    static Tmux start(Path workDir, String command) throws IOException, InterruptedException {
        Tmux t = new Tmux("llmrecon-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        t.tmux("new-session", "-d", "-s", "it", "-x", "120", "-y", "40", "-c", workDir.toString(), command);
        t.tmux("set-option", "-t", "it", "remain-on-exit", "on");
        return t;
    }

    /** Types keys: text, or tmux key names such as {@code Tab}, {@code Up}, {@code C-c}, {@code Enter}. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "it"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** @return the screen and its scrollback, wrapped lines joined, trailing blanks dropped */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-t", "it", "-S", "-500").stripTrailing();
    }

    /** @return the line the cursor is on (the prompt and what is typed after it) */
    String lastLine() throws IOException, InterruptedException {
        List<String> lines = screen().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Waits until the screen matches. */
    String await(Predicate<String> which, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LauncherProcess.DEADLINE.toNanos();
        String screen = screen();
        while (!which.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not on the terminal within " + LauncherProcess.DEADLINE + ": " + what
                        + "\n--- screen ---\n" + screen);
            }
            synchronized (this) {
                wait(50);
            }
            screen = screen();
        }
        return screen;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-server");
    }
}
