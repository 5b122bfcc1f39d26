package org.llmrecon.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ops4j.pax.exam.Option;

/**
 * The bundles of a test framework, from {@code file:} URLs of the jars
 * Maven copied to the folder named by the system property
 * {@code itests.bundles} before the tests: nothing is downloaded at test
 * time. Pax Exam's own bundles come by {@code mvn:} links that pax-url
 * resolves from the local Maven repository only.
 */
final class Bundles {
    private Bundles() {
    }

    /** @return the runtime's bundle set, offline */
    static Option runtime() {
        return composite(
                // pax-url resolves Pax Exam's mvn: links from the local repository only: no remote repository
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(""),
                systemProperty("org.ops4j.pax.url.mvn.defaultRepositories").value(""),
                cleanCaches(),
                junitBundles(),
                frameworkProperty("llmrecon.leak.delay").value("1h"),
                // as the launcher sets it: without it Felix Log keeps the Bundle of every uninstalled plugin
                frameworkProperty("ds.log.extension").value("true"),
                bundleOf("org.osgi.util.function"),
                bundleOf("org.osgi.util.promise"),
                bundleOf("org.osgi.service.component"),
                bundleOf("org.apache.felix.scr"),
                bundleOf("org.apache.felix.configadmin"),
                bundleOf("org.apache.felix.log"),
                bundleOf("jackson-core"),
                bundleOf("jackson-annotations"),
                bundleOf("jackson-databind"),
                bundleOf("failsafe"),
                bundleOf("core-api"),
                bundleOf("itest-probe"),
                bundleOf("core-runtime"));
    }

    /** @param name a jar in {@code itests.bundles}, without {@code .jar} @return an option installing and starting it */
    static Option bundleOf(String name) {
        return bundle(jar(name).toUri().toString());
    }

    /** @param name a jar in {@code itests.bundles}, without {@code .jar} @return its path, checked to exist */
    static Path jar(String name) {
        String dir = System.getProperty("itests.bundles");
        if (dir == null) {
            throw new IllegalStateException("system property itests.bundles is not set: run the tests with Maven");
        }
        Path jar = Path.of(dir, name + ".jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: the pre-integration-test copy did not run");
        }
        return jar;
    }

    /** @return a fresh folder under {@code itests.work} for files a test writes */
    static Path workFolder(String purpose) throws Exception {
        Path base = Path.of(System.getProperty("itests.work", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, purpose + "-");
    }
}
