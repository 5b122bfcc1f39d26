package org.llmrecon.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code llm:help [COMMAND]}: the commands with one line each, or one
 * command's usage, options, arguments and an example. Registered by the
 * launcher as a Gogo command, so {@code help} works in every mode (terminal,
 * piped, {@code -c}); Gogo calls it reflectively, hence public.
 */
public final class HelpCommand {
    private static final String DESCRIPTION = "list the commands, or show one command's usage with an example";
    private final CommandCatalog catalog;
    private final Properties examples = new Properties();

    HelpCommand(CommandCatalog catalog) {
        this.catalog = catalog;
        try (InputStream in = HelpCommand.class.getResourceAsStream("examples.properties")) {
            if (in != null) {
                examples.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shell's examples", e);
        }
    }

    /** @return the commands of scope {@code llm}, one line each */
    public String help() {
        List<ShellCommand> llm = catalog.commands().stream()
                .filter(c -> c.scope().equals(CommandCatalog.PREFERRED_SCOPE)).toList();
        int width = llm.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        return llm.stream().map(c -> String.format("  %-" + width + "s  %s", c.name(), description(c)))
                .collect(Collectors.joining("\n", "Commands (scope llm; type 'help COMMAND' for one, Tab completes):\n",
                        "\nOther scopes: felix:*, gogo:* (e.g. felix:lb). Ctrl-C cancels a command, Ctrl-D exits."));
    }

    /** @param name a command, with or without its scope @return its usage, options, arguments and an example */
    public String help(String name) {
        ShellCommand c = catalog.find(name).orElseThrow(
                () -> new IllegalArgumentException("no command named '" + name + "' (type 'help' for the list)"));
        StringBuilder b = new StringBuilder(c.scoped()).append(" - ").append(description(c))
                .append('\n');
        c.forms().stream().map(f -> f.usage(c.name())).distinct()
                .forEach(u -> b.append("usage: ").append(u).append('\n'));
        List<ShellCommand.Option> options = c.forms().stream().flatMap(f -> f.options().stream()).distinct()
                .toList();
        if (!options.isEmpty()) {
            b.append("options:\n");
            options.forEach(o -> b.append(String.format("  %-28s %s%n",
                    String.join(", ", o.names()) + (o.flag() ? "" : " " + o.label()), o.description())));
        }
        List<ShellCommand.Argument> arguments = c.forms().stream().flatMap(f -> f.arguments().stream())
                .distinct().toList();
        if (!arguments.isEmpty()) {
            b.append("arguments:\n");
            arguments.forEach(a -> b.append(String.format("  %-28s %s%n", a.label(), a.description())));
        }
        String example = c.scope().equals(CommandCatalog.PREFERRED_SCOPE) ? examples.getProperty(c.name()) : null;
        if (example != null) {
            b.append("example: ").append(example).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Gogo's {@code @Descriptor} is not on the launcher's class path: this command's own line is here. */
    private static String description(ShellCommand c) {
        return c.description().isEmpty() && c.name().equals("help") ? DESCRIPTION : c.description();
    }
}
