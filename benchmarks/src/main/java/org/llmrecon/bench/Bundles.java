package org.llmrecon.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the run-time bundles copied by the build live: {@code target/bundles/{base,runtime,plugins}}. */
public final class Bundles {
    private Bundles() {
    }

    /** @return the bundles folder beside benchmarks.jar, or the {@code bench.bundles} system property */
    public static Path root() {
        String p = System.getProperty("bench.bundles");
        if (p != null) {
            return Path.of(p);
        }
        try {
            Path jar = Path.of(Bundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("bundles");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Felix + SCR (+ its OSGi API bundles) + Config Admin + File Install + Gogo. */
    public static List<Path> base() {
        return list("base");
    }

    /** What the LLMrecon runtime adds to the base: core-api, core-runtime, Jackson, Failsafe, Log Service. */
    public static List<Path> runtime() {
        return list("runtime");
    }

    public static Path plugin(String artifact) {
        Path p = root().resolve("plugins").resolve(artifact + ".jar");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p + ": build with mvn -B package -pl benchmarks -am");
        }
        return p;
    }

    private static List<Path> list(String dir) {
        Path d = root().resolve(dir);
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("missing " + d + ": build with mvn -B package -pl benchmarks -am", e);
        }
    }
}
