package org.llmrecon.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Gogo command as a person sees it: its scoped name and the forms it can be
 * called in (an overloaded command such as {@code models} has several), read
 * from the command's {@code @Descriptor} and {@code @Parameter} annotations.
 *
 * @param scope the scope, e.g. {@code llm}
 * @param name the function, e.g. {@code chat}
 * @param forms the forms, each with its options and arguments
 */
record ShellCommand(String scope, String name, List<Form> forms) {
    /** One method of the command. */
    record Form(String description, List<Option> options, List<Argument> arguments, boolean varargs) {
        String usage(String command) {
            StringBuilder b = new StringBuilder(command);
            options.forEach(o -> b.append(" [").append(o.longest()).append(o.flag() ? "" : " " + o.label())
                    .append(']'));
            arguments.forEach(a -> b.append(' ').append(a.label()));
            return (varargs ? b.append("...") : b).toString();
        }
    }

    /** An option such as {@code -m, --model MODEL} or the flag {@code --json}. */
    record Option(List<String> names, String description, boolean flag) {
        String longest() {
            return names.stream().reduce((a, b) -> b.length() > a.length() ? b : a).orElse("");
        }

        String label() {
            return longest().replaceFirst("^-+", "").toUpperCase(Locale.ROOT);
        }

        ArgumentKind kind() {
            return ArgumentKind.of(longest().replaceFirst("^-+", ""));
        }
    }

    /** A positional argument, described by its {@code @Descriptor}. */
    record Argument(String description) {
        ArgumentKind kind() {
            return ArgumentKind.of(description);
        }

        String label() {
            return kind().label(description);
        }
    }

    /**
     * @param args the words after the command name
     * @return the first word in option position (before the first argument) that is none of the command's
     *         options, e.g. {@code --bogus}; Gogo would take it for an argument
     */
    Optional<String> unknownOption(List<String> args) {
        List<Option> options = forms.stream().flatMap(f -> f.options().stream()).toList();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.length() == 1) {
                return Optional.empty();
            }
            Optional<Option> option = options.stream().filter(o -> o.names().contains(a)).findFirst();
            if (option.isEmpty()) {
                return Optional.of(a);
            }
            i += option.get().flag() ? 0 : 1;
        }
        return Optional.empty();
    }

    String scoped() {
        return scope + ":" + name;
    }

    String description() {
        return forms.isEmpty() ? "" : forms.get(0).description();
    }

    /** @return every form's usage on one line, e.g. {@code models [--json] | models [--json] TYPE} */
    String usage() {
        return forms.stream().map(f -> f.usage(name)).distinct().collect(Collectors.joining(" | "));
    }
}
