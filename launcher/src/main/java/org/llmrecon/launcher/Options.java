package org.llmrecon.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code --plugins DIR}..., {@code --etc DIR}, {@code --http [HOST:]PORT}, {@code --no-shell},
 * {@code -c COMMAND}, {@code --help}.
 */
record Options(List<Path> plugins, Path etc, HttpAddress http, boolean noShell, String command, boolean help) {
    static final String USAGE = """
            Usage: java -jar llmrecon-launcher.jar [options]
              --plugins DIR   watch DIR for plugin jars (repeatable; default ./plugins, created if missing)
              --etc DIR       read provider configuration files from DIR (default ./etc, created if missing)
              --http [HOST:]PORT
                              serve the targets over an OpenAI-compatible API, /metrics and the console
                              on HOST (default 127.0.0.1; beyond loopback gateway keys are required) and
                              PORT (0 for any free port); without it no port is opened
              --no-shell      run as a service until stopped (SIGTERM/Ctrl-C)
              -c "COMMAND"    wait until the plugins in the watched folders are processed, run one shell
                              command, print its result and exit (1 when it failed)
              --help          print this help
            Without -c or --no-shell, shell commands are read from standard input, one per line;
            end of input stops the runtime (exit 1 if any command failed, else 0).
            Exit codes: 0 ok, 1 a command failed, 2 bad command line or folder, 3 the runtime did not start.""";

    /** A bad command line, reported as one line and exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String... args) throws UsageException {
        List<Path> plugins = new ArrayList<>();
        Path etc = null;
        HttpAddress http = null;
        boolean noShell = false;
        String command = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--plugins" -> plugins.add(Path.of(value(args, ++i, a)));
                case "--etc" -> {
                    if (etc != null) {
                        throw new UsageException("--etc given twice");
                    }
                    etc = Path.of(value(args, ++i, a));
                }
                case "--http" -> {
                    if (http != null) {
                        throw new UsageException("--http given twice");
                    }
                    try {
                        http = HttpAddress.parse(value(args, ++i, a));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--http " + args[i] + ": " + e.getMessage());
                    }
                }
                case "--no-shell" -> noShell = true;
                case "-c" -> {
                    if (command != null) {
                        throw new UsageException("-c given twice");
                    }
                    command = value(args, ++i, a);
                }
                case "--help", "-h" -> help = true;
                default -> throw new UsageException("unknown option '" + a + "' (see --help)");
            }
        }
        if (noShell && command != null) {
            throw new UsageException("-c and --no-shell exclude each other");
        }
        return new Options(List.copyOf(plugins), etc, http, noShell, command, help);
    }

    /** @return the plugin folders, absolute; {@code ./plugins} (created) when none was given */
    List<Path> pluginFolders() throws UsageException {
        if (plugins.isEmpty()) {
            return List.of(createDefault(Path.of("plugins")));
        }
        List<Path> checked = new ArrayList<>();
        for (Path p : plugins) {
            checked.add(existing(p, "--plugins"));
        }
        return checked;
    }

    /** @return the configuration folder, absolute; {@code ./etc} (created) when none was given */
    Path etcFolder() throws UsageException {
        return etc == null ? createDefault(Path.of("etc")) : existing(etc, "--etc");
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static Path existing(Path p, String option) throws UsageException {
        Path abs = p.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new UsageException(option + " " + p + ": no such directory");
        }
        if (!Files.isDirectory(abs)) {
            throw new UsageException(option + " " + p + ": not a directory");
        }
        if (!Files.isReadable(abs)) {
            throw new UsageException(option + " " + p + ": not readable");
        }
        return abs;
    }

    private static Path createDefault(Path p) throws UsageException {
        Path abs = p.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (Exception e) {
            throw new UsageException(abs + ": cannot be created: " + e.getMessage());
        }
        return existing(abs, "folder");
    }
}
