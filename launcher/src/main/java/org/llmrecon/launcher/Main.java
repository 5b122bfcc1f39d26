package org.llmrecon.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar llmrecon-launcher.jar}: starts the runtime on the given
 * folders and runs one command ({@code -c}), commands from standard input, or
 * nothing until stopped ({@code --no-shell}). Plumbing only, in the manner of
 * Felix's own {@code Main}.
 */
public final class Main {
    static final int OK = 0;
    static final int COMMAND_FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_STARTED = 3;
    private static final Duration READY = Duration.ofSeconds(
            Long.getLong("llmrecon.ready.timeout", 60));

    private Main() {
    }

    /** @param args the command line, see {@code --help} */
    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        mark("exit");
        System.exit(code);
    }

    static final boolean TIMING = Boolean.getBoolean("llmrecon.timing");

    /**
     * With {@code -Dllmrecon.timing=true}: prints the time since the JVM started, and the CPU time this thread and
     * the whole process (JIT and GC included) have used so far, which change less than the time on a shared machine.
     */
    static void mark(String what) {
        if (TIMING) {
            System.err.println("[timing] " + what + " "
                    + (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
                    + " ms (cpu: thread " + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000
                    + " ms, process " + ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000 + " ms)");
        }
    }

    /**
     * On SIGTERM or SIGINT the runtime gets {@link LlmRecon#STOP_GRACE} to stop; a plugin that hangs its stop, or
     * anything else that keeps the shutdown hook from ending, is cut off soon after by halting the JVM.
     */
    private static void haltAfter(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("llmrecon: the runtime did not stop within " + limit.toSeconds() + " s; halting");
            Runtime.getRuntime().halt(143);
        }, "llmrecon-shutdown-limit");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        // asked before the framework starts: Gogo replaces System.in with its own stream
        boolean terminal = in == System.in && System.console() != null;
        Options options;
        List<Path> plugins;
        Path etc;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.println(Options.USAGE);
                return OK;
            }
            plugins = options.pluginFolders();
            etc = options.etcFolder();
        } catch (Options.UsageException e) {
            err.println("llmrecon: " + e.getMessage());
            return USAGE;
        }
        LlmRecon.Builder builder = LlmRecon.builder().etcFolder(etc).timeout(READY);
        if (options.http() != null) {
            builder.http(options.http());
        }
        plugins.forEach(builder::pluginFolder);
        LlmRecon runtime;
        try {
            runtime = builder.start();
        } catch (IllegalStateException e) {
            err.println("llmrecon: " + GogoShell.oneLine(e));
            return NOT_STARTED;
        }
        mark("started");
        runtime.httpUrl().ifPresent(url -> err.println("llmrecon: gateway listening on " + url + "/v1"
                + (options.http().loopback() ? "" : " (beyond loopback: only requests with a gateway key are served)")));
        Thread hook = new Thread(() -> {
            haltAfter(LlmRecon.STOP_GRACE.plusSeconds(2));
            runtime.close();
        }, "llmrecon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (options.noShell()) {
                runtime.framework().waitForStop(0);
                return OK;
            }
            int code = shell(runtime, options.command(), terminal ? null : in, out, err);
            mark("done");
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } catch (IllegalStateException e) {
            err.println("llmrecon: " + GogoShell.oneLine(e));
            return NOT_STARTED;
        } finally {
            runtime.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook has run or runs now, close() is idempotent
            }
        }
    }

    /** @param in the commands, or {@code null} for the interactive shell on the terminal */
    private static int shell(LlmRecon runtime, String command, InputStream in, PrintStream out, PrintStream err) {
        try (GogoShell shell = new GogoShell(runtime.framework().getBundleContext(), InputStream.nullInputStream(),
                out, err, READY)) {
            if (!shell.awaitCommand("llm:plugins", READY)) {
                err.println("llmrecon: the llm shell commands did not appear within " + READY.toSeconds()
                        + " s (see 'scr:list')");
            } else {
                List<Path> pending = runtime.awaitPlugins(READY);
                if (!pending.isEmpty()) {
                    err.println("llmrecon: not processed in time, going on without: " + pending);
                }
            }
            mark("ready");
            if (command != null) {
                return shell.run(command) ? OK : COMMAND_FAILED;
            }
            if (in == null) {
                new InteractiveShell(shell, new LiveNames(runtime)).run();
                return OK;
            }
            return lines(shell, in);
        } catch (IOException e) {
            err.println("llmrecon: no terminal: " + GogoShell.oneLine(e));
            return COMMAND_FAILED;
        }
    }

    private static int lines(GogoShell shell, InputStream in) {
        boolean failed = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            while (true) {
                String line = reader.readLine();
                if (line == null || line.strip().equals("exit")) {
                    break;
                }
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    failed |= !shell.run(line);
                }
            }
        } catch (IOException e) {
            return COMMAND_FAILED;
        }
        return failed ? COMMAND_FAILED : OK;
    }
}
