package org.llmrecon.runtime.internal.diagnostics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Writes HPROF heap dumps of the live objects, to find what still holds a
 * leaked plugin's class loader (open one in a heap analyser and ask for the
 * paths from the GC roots to the {@code BundleClassLoader}). Goes through the
 * platform MBean server, so the runtime needs no {@code com.sun.management}
 * import.
 */
public final class HeapDumps {
    private static final String DIAGNOSTIC = "com.sun.management:type=HotSpotDiagnostic";

    private HeapDumps() {
    }

    /**
     * @param file where to write; must end in {@code .hprof} and must not exist
     * @return the file written
     * @throws IllegalArgumentException naming the file and the reason when no dump could be written
     */
    public static Path write(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (!target.getFileName().toString().endsWith(".hprof")) {
            throw new IllegalArgumentException(target + ": a heap dump file name must end in .hprof");
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + ": already exists");
        }
        try {
            Files.createDirectories(target.getParent());
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC), "dumpHeap",
                    new Object[] {target.toString(), Boolean.TRUE}, new String[] {String.class.getName(), "boolean"});
            return target;
        } catch (IOException | JMException | RuntimeException e) {
            throw new IllegalArgumentException(target + ": cannot write a heap dump (" + Failures.oneLine(e) + ")", e);
        }
    }
}
