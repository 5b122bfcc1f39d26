package org.llmrecon.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Waits until the provider configuration files found in the etc folder at the
 * start are applied: the runtime's configuration manager registers a marker
 * service for each with a property naming it ({@code felix.fileinstall.filename}
 * for {@code .cfg}/{@code .config}, {@code llmrecon.etc.file} for
 * {@code .json}) once it has applied it. A file that never applies (a
 * malformed one) is waited for at most {@link #LIMIT}.
 */
final class ConfigsReady {
    static final Duration LIMIT = Duration.ofSeconds(5);

    private final BundleContext context;
    private final List<Path> files;

    ConfigsReady(BundleContext context, Path etc) {
        this.context = context;
        this.files = etc == null ? List.of() : files(etc);
    }

    List<Path> await(Duration timeout) {
        return new FrameworkEvents(context).await(this::pending, timeout.compareTo(LIMIT) < 0 ? timeout : LIMIT);
    }

    private List<Path> pending() {
        return files.stream().filter(f -> Files.exists(f) && !applied(f)).toList();
    }

    private boolean applied(Path file) {
        String filter = "(&(llmrecon.marker=org.llmrecon.runtime.AppliedConfiguration)(|(felix.fileinstall.filename="
                + escape(file.toFile().toURI().toString()) + ")(llmrecon.etc.file=" + escape(file.toString()) + ")))";
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
            return refs != null;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return true;
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }

    private static List<Path> files(Path etc) {
        try (Stream<Path> all = Files.list(etc)) {
            return all.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".json") || n.startsWith("org.llmrecon.provider")
                        && (n.endsWith(".cfg") || n.endsWith(".config"));
            }).map(f -> f.toAbsolutePath().normalize()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
