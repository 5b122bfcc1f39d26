package org.llmrecon.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.options.FrameworkPropertyOption;

/**
 * The bundles of a test framework, from {@code file:} URLs: nothing is
 * downloaded at test time. The runtime's bundles are exactly the
 * {@code -runbundles} of {@code bndrun/runtime.bndrun}, which the build
 * exports to the folder named by {@code itests.runbundles}; the test-only
 * bundles (the probe, test-support, the test plugins) are copies in {@code itests.bundles}.
 * Pax Exam's own bundles come by {@code mvn:} links that pax-url resolves from
 * the local Maven repository only.
 */
final class Bundles {
    private Bundles() {
    }

    /**
     * @param testOptions what a test class adds; a framework property it sets replaces the default here
     * @return the runtime's bundle set, offline, with the launcher's quiet defaults
     */
    static Option runtime(Option... testOptions) {
        Set<String> setByTest = Stream.of(OptionUtils.filter(FrameworkPropertyOption.class, testOptions))
                .map(FrameworkPropertyOption::getKey).collect(Collectors.toSet());
        List<Option> options = new ArrayList<>(List.of(
                // pax-url resolves Pax Exam's mvn: links from the local repository only: no remote repository
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(""),
                systemProperty("org.ops4j.pax.url.mvn.defaultRepositories").value(""),
                cleanCaches(),
                junitBundles(),
                bundleOf("itest-probe"),
                // EventWait, which TestSupport uses inside the framework
                bundleOf("test-support")));
        defaults().forEach((key, value) -> {
            if (!setByTest.contains(key)) {
                options.add(frameworkProperty(key).value(value));
            }
        });
        runBundles().forEach(jar -> options.add(bundle(jar.toUri().toString())));
        options.add(composite(testOptions));
        return composite(options.toArray(Option[]::new));
    }

    private static Map<String, String> defaults() {
        Path unwatched;
        try {
            unwatched = workFolder("fileinstall-none");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create File Install's default folder", e);
        }
        return Map.of(
                "llmrecon.leak.delay", "1h",
                // as the launcher sets it: without it Felix Log keeps the Bundle of every uninstalled plugin
                "ds.log.extension", "true",
                // File Install always runs one watcher (default ./load): an empty folder of its own unless a test
                // watches one, and the bundles it wraps from plain jars go under target/, not /tmp
                "felix.fileinstall.dir", unwatched.toString(),
                "felix.fileinstall.tmpdir", unwatched.resolveSibling(unwatched.getFileName() + "-tmp").toString(),
                "felix.fileinstall.log.level", "1",
                // read from the framework only: never rewrite configuration files (see LlmRecon)
                "felix.fileinstall.enableConfigSave", "false",
                // the Gogo shell never reads the test JVM's stdin
                "gosh.args", "--nointeractive");
    }

    /** @return the jars of {@code -runbundles}, as the build exported them */
    private static List<Path> runBundles() {
        Path dir = Path.of(property("itests.runbundles"));
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException(dir + " holds no bundle: the pre-integration-test export did not run");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + " cannot be listed: the pre-integration-test export did not run", e);
        }
    }

    /** @param name a jar in {@code itests.bundles}, without {@code .jar} @return an option installing and starting it */
    static Option bundleOf(String name) {
        return bundle(jar(name).toUri().toString());
    }

    /** @param name a jar in {@code itests.bundles}, without {@code .jar} @return its path, checked to exist */
    static Path jar(String name) {
        Path jar = Path.of(property("itests.bundles"), name + ".jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: the pre-integration-test copy did not run");
        }
        return jar;
    }

    /** @return a fresh folder under {@code itests.work} for files a test writes */
    static Path workFolder(String purpose) throws IOException {
        Path base = Path.of(System.getProperty("itests.work", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, purpose + "-");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with Maven");
        }
        return value;
    }
}
