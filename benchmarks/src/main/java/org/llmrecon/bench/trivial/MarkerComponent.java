package org.llmrecon.bench.trivial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The one class of a generated marker bundle: an immediate DS component publishing {@link Runnable} that,
 * on activation and deactivation, writes the wall-clock time in epoch microseconds to
 * {@code <marker.dir>/<component.name>.up} (or {@code .down}), atomically. Lets a benchmark time another
 * process's container (Karaf) from outside. Uses java.* only, so the bundle imports nothing.
 */
public final class MarkerComponent implements Runnable {
    /** Component property: the folder the marker files are written to. */
    public static final String DIR = "marker.dir";

    /** Called by SCR on activation. */
    public void activate(Map<String, Object> props) {
        mark(props, ".up");
    }

    /** Called by SCR on deactivation. */
    public void deactivate(Map<String, Object> props) {
        mark(props, ".down");
    }

    @Override
    public void run() {
        // the service exists to be registered
    }

    private static void mark(Map<String, Object> props, String suffix) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        Path dir = Path.of((String) props.get(DIR));
        String name = props.get("component.name") + suffix;
        try {
            Path tmp = Files.writeString(dir.resolve(name + ".tmp"), Long.toString(micros));
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
