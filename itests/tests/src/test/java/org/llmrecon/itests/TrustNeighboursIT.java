package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Issue 12: in enforce mode, trusted plugins resolve, reload and update normally whatever untrusted jars lie
 * beside them in the watched folder, whether those were there at start or arrive while the trusted ones serve.
 * Before the fix one unsigned jar beside {@code mock} kept it {@code PENDING}, and a reload lost it with
 * "missing requirement osgi.wiring.package org.llmrecon.api.plugin" (see {@code TrustHook}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustNeighboursIT extends TestSupport {
    private final List<Path> dropped = new ArrayList<>();

    /** Folder with {@code mock} (allowed by hash), an unsigned jar and a jar that requires nothing, before start. */
    @Override
    protected Option[] extraOptions() {
        Option[] folder = WatchedFolder.options("trust-neighbours");
        try {
            Path watched = Path.of(frameworkValue(folder, WatchedFolder.PROPERTY));
            Path allow = workFolder("trust-allow").resolve("allowed-sha256.txt");
            Files.writeString(allow, String.join("\n", TrustJars.sha256(jar("provider-template")),
                    TrustJars.sha256(jar("itest-echo-plugin")), TrustJars.sha256(jar("itest-echo-update-plugin")))
                    + "\n", StandardCharsets.UTF_8);
            Files.copy(jar("provider-template"), watched.resolve("mock.jar"));
            Files.copy(jar("itest-signed-plugin-unsigned"), watched.resolve("unsigned.jar"));
            bareJar(watched.resolve("bare.jar"));
            return new Option[] {composite(folder), frameworkProperty("llmrecon.trust.policy").value("enforce"),
                    frameworkProperty("llmrecon.trust.allow").value(allow.toString())};
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the watched folder", e);
        }
    }

    /** The next test starts from the folder as it was: the jars dropped here are gone and so are their bundles. */
    @After
    public void removeDropped() throws Exception {
        for (Path p : dropped) {
            Files.deleteIfExists(p);
        }
        List<String> names = dropped.stream().map(p -> "/" + p.getFileName()).toList();
        dropped.clear();
        waitFor(() -> Arrays.stream(context.getBundles()).noneMatch(b -> names.stream().anyMatch(
                n -> b.getLocation().endsWith(n))), DEADLINE, "the bundles of the jars dropped in are uninstalled");
    }

    @Test
    public void trustedPluginBesideUntrustedJarsIsActiveFromTheStart() {
        PluginInfo mock = awaitState("mock", PluginState.ACTIVE);
        assertFalse(chat("mock", "hello").isEmpty());
        assertUntrustedStayInstalled();
        assertTrue("mock from the folder: " + mock.location(), mock.location().endsWith("mock.jar"));
    }

    @Test
    public void trustedPluginsReloadAndUpdateWhileUntrustedJarsArrive() throws Exception {
        WatchedFolder folder = new WatchedFolder(Path.of(context.getProperty(WatchedFolder.PROPERTY)));
        String mock = awaitState("mock", PluginState.ACTIVE).name();
        dropped.add(folder.drop(jar("itest-layered-plugin"), "layered.jar"));
        dropped.add(folder.drop(jar("itest-shadow-v1-plugin"), "shadow.jar"));
        waitFor(() -> untrusted().size() >= 4, DEADLINE, "the jars dropped in are installed");

        PluginInfo reloaded = pluginManager.reload(mock);
        assertEquals("reload: " + reloaded.reason(), PluginState.ACTIVE, awaitState("mock", PluginState.ACTIVE).state());
        assertFalse(chat("mock", "after reload").isEmpty());

        Path echo = folder.drop(jar("itest-echo-plugin"), "echo.jar");
        dropped.add(echo);
        assertEquals("echo 1.0.0: new beside untrusted", chat(awaitState("echo", PluginState.ACTIVE).providerType(),
                "new beside untrusted"));
        folder.replace(echo, jar("itest-echo-update-plugin"));
        waitFor(() -> pluginManager.plugin("echo").map(p -> "1.1.0".equals(p.version())
                && p.state() == PluginState.ACTIVE).orElse(false), DEADLINE, "echo 1.1.0 active after the update");
        assertEquals("echo 1.1.0: updated", chat("echo", "updated"));
        assertUntrustedStayInstalled();
    }

    /** Every untrusted jar is listed as not trusted and its bundle never resolved. */
    private void assertUntrustedStayInstalled() {
        List<Bundle> untrusted = untrusted();
        assertTrue("untrusted bundles installed: " + untrusted, untrusted.size() >= 2);
        for (Bundle b : untrusted) {
            waitFor(() -> pluginManager.plugins().stream().anyMatch(p -> p.bundleId() == b.getBundleId()
                    && p.state() == PluginState.REJECTED && p.reason() != null && p.reason().startsWith("not trusted")),
                    DEADLINE, b.getLocation() + " listed REJECTED as not trusted");
            assertEquals(b.getLocation() + " state", Bundle.INSTALLED, b.getState());
        }
    }

    private List<Bundle> untrusted() {
        return Arrays.stream(context.getBundles()).filter(b -> b.getLocation().matches(".*/(unsigned|layered|shadow|bare)"
                + "\\.jar")).toList();
    }

    /** A plugin jar that requires nothing at all, which no match of the resolver can keep from resolving. */
    private static void bareJar(Path to) throws Exception {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "itest.bare");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("LLMrecon-Provider-Type", "bare");
        try (OutputStream file = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
    }

    private static String frameworkValue(Option[] options, String name) {
        for (Option o : options) {
            if (o instanceof org.ops4j.pax.exam.options.FrameworkPropertyOption p && p.getKey().equals(name)) {
                return p.getValue().toString();
            }
        }
        throw new IllegalStateException(name + " is not among the options");
    }
}
