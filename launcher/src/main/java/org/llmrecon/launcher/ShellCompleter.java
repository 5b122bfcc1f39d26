package org.llmrecon.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab: command names (scoped, and unscoped for scope {@code llm}), a
 * command's options, and its arguments and option values by their
 * {@link ArgumentKind}: targets, plugins, models of the target on the line,
 * configuration keys of it, jar and other file paths.
 */
final class ShellCompleter implements Completer {
    private final CommandCatalog catalog;
    private final LiveNames names;

    ShellCompleter(CommandCatalog catalog, LiveNames names) {
        this.catalog = catalog;
        this.names = names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        try {
            if (line.wordIndex() == 0) {
                commands(candidates);
                return;
            }
            Optional<ShellCommand> command = catalog.find(line.words().get(0));
            if (command.isPresent()) {
                arguments(command.get(), line.words().subList(1, line.wordIndex()), line.word(), candidates);
            }
        } catch (RuntimeException e) {
            // the runtime is stopping or a service went away: nothing to offer
        }
    }

    private void commands(List<Candidate> candidates) {
        for (ShellCommand c : catalog.commands()) {
            candidates.add(new Candidate(c.scoped(), c.scoped(), null, c.description(), null, null, true));
            if (c.scope().equals(CommandCatalog.PREFERRED_SCOPE)) {
                candidates.add(new Candidate(c.name(), c.name(), null, c.description(), null, null, true));
            }
        }
    }

    private void arguments(ShellCommand command, List<String> before, String word, List<Candidate> candidates) {
        List<ShellCommand.Option> options = command.forms().stream().flatMap(f -> f.options().stream()).toList();
        List<String> positional = new ArrayList<>();
        ShellCommand.Option pending = null;
        for (String w : before) {
            Optional<ShellCommand.Option> option = options.stream().filter(o -> o.names().contains(w)).findFirst();
            if (pending != null) {
                pending = null;
            } else if (option.isPresent()) {
                pending = option.get().flag() ? null : option.get();
            } else {
                positional.add(w);
            }
        }
        String target = positional.isEmpty() ? "" : positional.get(0);
        if (pending != null) {
            offer(pending.kind(), target, word, candidates);
        } else if (word.startsWith("-")) {
            options.stream().filter(o -> o.names().stream().noneMatch(before::contains)).distinct()
                    .forEach(o -> candidates.add(new Candidate(o.longest(), o.longest(), null, o.description(), null,
                            null, o.flag())));
        } else {
            command.forms().stream().filter(f -> f.arguments().size() > positional.size())
                    .map(f -> f.arguments().get(positional.size()).kind()).distinct()
                    .forEach(kind -> offer(kind, target, word, candidates));
        }
    }

    private void offer(ArgumentKind kind, String target, String word, List<Candidate> candidates) {
        switch (kind) {
            case TARGET -> add(names.targets(), candidates);
            case PLUGIN -> add(names.plugins(), candidates);
            case MODEL -> add(names.models(target), candidates);
            case KEY -> add(names.configKeys(target), candidates);
            case JAR -> files(word, true, candidates);
            case FILE -> files(word, false, candidates);
            case TEXT -> {
                // free text: nothing to offer
            }
        }
    }

    private static void add(Collection<String> values, List<Candidate> candidates) {
        values.forEach(v -> candidates.add(new Candidate(v)));
    }

    /** Folders (completion goes on inside them) and files, only jars for a plugin jar. */
    private static void files(String word, boolean jarsOnly, List<Candidate> candidates) {
        int slash = word.lastIndexOf('/');
        String folder = slash < 0 ? "" : word.substring(0, slash + 1);
        Path dir = Path.of(folder.isEmpty() ? "." : folder);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = folder + p.getFileName();
                if (Files.isDirectory(p)) {
                    candidates.add(new Candidate(name + "/", name + "/", null, null, null, null, false));
                } else if (!jarsOnly || name.endsWith(".jar")) {
                    candidates.add(new Candidate(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable folder: nothing to offer
        }
    }
}
