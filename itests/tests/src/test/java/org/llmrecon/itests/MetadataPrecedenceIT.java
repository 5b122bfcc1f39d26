package org.llmrecon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.llmrecon.itests.Bundles.jar;
import static org.llmrecon.itests.Bundles.workFolder;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginCheck;
import org.llmrecon.api.runtime.PluginDiscovery;
import org.llmrecon.api.runtime.PluginInfo;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The layered test plugin carries metadata in every source; each field is
 * settled by the highest source that gives it: sidecar, then
 * META-INF/llmrecon/plugin.json, then the manifest, then getMetadata().
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetadataPrecedenceIT extends TestSupport {

    @Inject
    private PluginDiscovery discovery;

    /** The trust policy's default (warn) tags unsigned plugins; tags here come from the metadata sources only. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {frameworkProperty("llmrecon.trust.policy").value("off")};
    }

    @Test
    public void sidecarBeatsBundleJsonBeatsManifestBeatsCode() throws Exception {
        Path jar = besideSidecar("{\"name\": \"layered-from-sidecar\","
                + " \"description\": \"description from the sidecar\"}");
        installPlugin(jar);

        PluginInfo info = awaitState("layered", PluginState.ACTIVE);
        PluginMetadata m = info.metadata();
        assertEquals("name from the sidecar", "layered-from-sidecar", m.name());
        assertEquals("listed under the sidecar's name", "layered-from-sidecar", info.name());
        assertEquals("description from the sidecar", "description from the sidecar", m.description());
        assertEquals("author from plugin.json (sidecar gives none)", "author-from-json", m.author());
        assertEquals("tags from the manifest (neither JSON gives any)", List.of("tag-from-manifest"), m.tags());
        assertEquals("models from getMetadata() (no other source gives any)", List.of("model-from-code"),
                m.supportedModels());
        assertEquals("version from the manifest", "3.1.4", m.version());
        assertEquals("layered", m.providerType());
        assertEquals("layered 3.1.4: hi", chat("layered", "hi"));
    }

    @Test
    public void withoutSidecarBundleJsonWins() throws Exception {
        installPlugin(jar("itest-layered-plugin"));

        PluginMetadata m = awaitState("layered", PluginState.ACTIVE).metadata();
        assertEquals("layered-from-json", m.name());
        assertEquals("description from plugin.json", m.description());
        assertEquals("author-from-json", m.author());
        assertEquals(List.of("tag-from-manifest"), m.tags());
        assertEquals(List.of("model-from-code"), m.supportedModels());
    }

    @Test
    public void sidecarContradictingTheProviderTypeIsRejectedNamingBothSources() throws Exception {
        Path jar = besideSidecar("{\"provider_type\": \"other\"}");
        installPlugin(jar);

        PluginInfo info = awaitState("layered-from-json", PluginState.REJECTED);
        String reason = String.valueOf(info.reason());
        assertTrue("reason names the sidecar: " + reason, reason.contains("sidecar") && reason.contains(jar.toString()));
        assertTrue("reason names the type each source gives: " + reason,
                reason.contains("other") && reason.contains("layered"));
        assertTrue("reason names the other source: " + reason, reason.contains("plugin.json")
                || reason.contains("manifest") || reason.contains("getMetadata()"));
        assertFalse("factory offers a plugin with contradictory types: " + factory.providerTypes(),
                factory.providerTypes().contains("other") || factory.providerTypes().contains("layered"));
    }

    @Test
    public void discoveryChecksJarsWithoutInstallingThem() throws Exception {
        Path jar = besideSidecar("{\"name\": \"layered-from-sidecar\"}");
        int bundles = context.getBundles().length;

        PluginCheck layered = discovery.check(jar);
        PluginCheck future = discovery.check(jar("itest-future-plugin"));

        assertTrue("layered plugin is valid: " + layered.problems(), layered.valid());
        assertEquals("layered-from-sidecar", layered.metadata().name());
        assertEquals("author-from-json", layered.metadata().author());
        assertEquals("layered", layered.metadata().providerType());
        assertFalse("plugin needing framework 99.0.0 is valid", future.valid());
        assertTrue("problem names the range and the running version: " + future.problems(),
                String.join(" ", future.problems()).contains("99.0.0")
                        && String.join(" ", future.problems()).contains("1.0.0"));
        assertEquals("checking installed nothing", bundles, context.getBundles().length);
    }

    /** @return a copy of the layered plugin in a fresh folder, with the given sidecar beside it */
    private static Path besideSidecar(String json) throws Exception {
        Path folder = workFolder("sidecar");
        Path jar = Files.copy(jar("itest-layered-plugin"), folder.resolve("layered.jar"));
        Files.writeString(folder.resolve("layered.jar.metadata.json"), json, StandardCharsets.UTF_8);
        return jar;
    }
}
