package org.llmrecon.runtime.internal.folders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.runtime.internal.legacy.TestJars;
import org.llmrecon.runtime.testing.TestFramework;
import org.osgi.framework.Bundle;

/** A jar is a refused copy only when its identity is installed from another file, never from itself. */
class BundleIdentityIT {
    @TempDir
    Path dir;

    @Test
    void theBundleInstalledFromTheJarItselfDoesNotMakeItACopy() throws Exception {
        Path jar = TestJars.write(dir.resolve("plugin.jar"),
                Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x.plugin", "Bundle-Version", "1.2.0"),
                Map.of());
        Path copy = Files.copy(jar, dir.resolve("copy.jar"));
        try (TestFramework framework = new TestFramework(dir.resolve("storage"), Map.of())) {
            Bundle installed = framework.context().installBundle(jar.toUri().toString());
            BundleIdentity id = BundleIdentity.of(jar).orElseThrow();

            assertEquals("x.plugin", id.symbolicName());
            assertTrue(id.installedElsewhere(framework.context(), jar).isEmpty(),
                    "the jar being installed is not a copy of itself");
            Bundle keepsOut = id.installedElsewhere(framework.context(), copy).orElseThrow();
            assertEquals(installed.getBundleId(), keepsOut.getBundleId());
            assertEquals("copy.jar: not installed: bundle x.plugin 1.2.0 is already installed from " + jar,
                    id.refusal(copy, keepsOut));
        }
    }
}
