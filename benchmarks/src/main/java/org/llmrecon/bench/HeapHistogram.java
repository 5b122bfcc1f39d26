package org.llmrecon.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.ObjectName;

/**
 * The heap's class histogram ({@code jcmd GC.class_histogram}, which collects first), written to
 * {@code DIR/NAME.histo} when the property {@code bench.histograms} names DIR: what the per-plugin heap of
 * {@code ScaleMain} is made of, compared class by class between its modes. With {@code bench.heapdumps} naming
 * a folder, a dump of the live heap is written there too ({@code NAME.hprof}), to find what holds an object.
 */
final class HeapHistogram {
    private HeapHistogram() {
    }

    static void write(String name) throws Exception {
        String dumps = System.getProperty("bench.heapdumps");
        if (dumps != null) {
            Path file = Files.createDirectories(Path.of(dumps)).resolve(name + ".hprof");
            Files.deleteIfExists(file);
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(file.toString(), true);
        }
        String dir = System.getProperty("bench.histograms");
        if (dir == null) {
            return;
        }
        Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.writeString(Files.createDirectories(Path.of(dir)).resolve(name + ".histo"), histogram.toString());
    }
}
