package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.llmrecon.itests.Bundles.jar;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.runtime.PluginState;
import org.llmrecon.itests.probe.Hang;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** A broken plugin is reported with its reason and never disturbs a working one. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokenPluginsIT extends TestSupport {

    @Inject
    private ServiceComponentRuntime scr;

    @Override
    protected Option[] extraOptions() {
        // a hanging plugin is given up on after this long
        return new Option[] {frameworkProperty("llmrecon.plugin.call.timeout").value("1s")};
    }

    @Test
    public void unresolvableImportsAreReported() throws Exception {
        assertBrokenBesideEcho("itest-unresolvable-plugin", "unresolvable", "org.llmrecon.itests.absent");
    }

    @Test
    public void throwingGetMetadataIsReported() throws Exception {
        assertBrokenBesideEcho("itest-faulty-plugin", "faulty", "faulty on purpose");
    }

    @Test
    public void failingActivationIsReported() throws Exception {
        // SCR's DTO keeps only "InvocationTargetException", not the cause, so the component is what can be named
        assertBrokenBesideEcho("itest-failing-plugin", "failing", "FailingPlugin failed to activate");
    }

    @Test
    public void hangingGetMetadataIsGivenUpOn() throws Exception {
        try {
            PluginInfo info = assertBrokenBesideEcho("itest-hanging-plugin", "hanging", "getMetadata()");
            assertTrue("reason says it did not return: " + info.reason(), info.reason().contains("did not return"));
        } finally {
            Hang.release();
        }
    }

    @Test
    public void malformedSidecarIsRejectedNamingTheFile() throws Exception {
        Path folder = workFolder("bad-sidecar");
        Path jar = Files.copy(jar("itest-layered-plugin"), folder.resolve("layered.jar"));
        Path sidecar = Files.writeString(folder.resolve("layered.jar.metadata.json"), "{\"name\": \"unterminated",
                StandardCharsets.UTF_8);
        long id = installPlugin(jar).getBundleId();

        PluginInfo info = awaitBundle(id, PluginState.REJECTED);
        assertTrue("reason names the sidecar file: " + info.reason(),
                String.valueOf(info.reason()).contains(sidecar.toString()));
        assertFalse(factory.providerTypes().contains("layered"));
    }

    @Test
    public void fileThatIsNotAJarCannotBeInstalled() throws Exception {
        Path notAJar = Files.writeString(workFolder("not-a-jar").resolve("notes.jar"), "just text",
                StandardCharsets.UTF_8);
        try {
            pluginManager.install(notAJar);
            fail("installed a text file as a plugin");
        } catch (IllegalArgumentException expected) {
            assertTrue("message names the file: " + expected.getMessage(),
                    expected.getMessage().contains("notes.jar"));
        }
    }

    private String scrFailures(PluginInfo info) {
        org.osgi.framework.Bundle b = context.getBundle(info.bundleId());
        return b == null ? "(bundle gone)" : scr.getComponentDescriptionDTOs(b).stream()
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream()).map(c -> String.valueOf(c.failure))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Installs a working plugin and a broken one; the broken one is FAILED or REJECTED with the reason. */
    private PluginInfo assertBrokenBesideEcho(String artifact, String type, String reasonPart) throws Exception {
        installPlugin(jar("itest-echo-plugin"));
        awaitState("echo", PluginState.ACTIVE);
        try {
            installPlugin(jar(artifact));
        } catch (org.osgi.framework.BundleException e) {
            // an unresolvable bundle cannot start; the runtime must still report it
        }

        waitFor(() -> pluginManager.plugin(type).map(p -> p.state() == PluginState.FAILED
                || p.state() == PluginState.REJECTED).orElse(false), DEADLINE,
                () -> "plugin '" + type + "' reported FAILED or REJECTED");
        PluginInfo info = pluginManager.plugin(type).orElseThrow();
        assertEquals("broken plugin is FAILED: " + info.reason(), PluginState.FAILED, info.state());
        if (!String.valueOf(info.reason()).contains(reasonPart)) {
            fail("reason does not contain '" + reasonPart + "': " + info.reason() + "\nSCR says: " + scrFailures(info));
        }
        assertTrue("reason contains '" + reasonPart + "': " + info.reason(),
                String.valueOf(info.reason()).contains(reasonPart));
        assertFalse("factory offers a broken plugin: " + factory.providerTypes(),
                factory.providerTypes().contains(type));
        assertEquals("the working plugin still serves", "echo 1.0.0: still here", chat("echo", "still here"));
        assertEquals(PluginState.ACTIVE, pluginManager.plugin("echo").orElseThrow().state());
        return info;
    }
}
