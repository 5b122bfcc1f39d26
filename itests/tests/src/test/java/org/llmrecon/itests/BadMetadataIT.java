package org.llmrecon.itests;

import static org.llmrecon.itests.FaultJars.faultPlugin;
import static org.llmrecon.itests.FaultJars.withHeaders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.llmrecon.api.runtime.PluginState;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Fault matrix, metadata: a plugin whose manifest or sidecar is wrong is
 * listed REJECTED (or FAILED) with one line saying what is wrong, and the
 * healthy plugin keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadMetadataIT extends FaultMatrixSupport {

    @Test
    public void noProviderTypeAnywhereIsRejected() throws Exception {
        installPlugin(faultPlugin(work.resolve("untyped.jar"), "fault-untyped", null, null));
        assertListed("fault-untyped", PluginState.REJECTED, "plugin 'fault-untyped' has no provider type");
    }

    @Test
    public void providerTypeEmptyIsRejected() throws Exception {
        installPlugin(faultPlugin(work.resolve("empty-type.jar"), "fault-empty-type", " ", null));
        assertListed("fault-empty-type", PluginState.REJECTED, "plugin 'fault-empty-type' has no provider type");
    }

    @Test
    public void providerTypeEmptyInTheSidecarIsNotGivenSoTheManifestsCounts() throws Exception {
        // the runtime's rule: an empty string is "not given", so a lower-precedence source supplies the type
        Path jar = faultPlugin(work.resolve("sidecar-empty.jar"), "fault-sidecar-empty", "sidecar-empty", null);
        sidecar(jar, "{\"provider_type\": \"\"}");
        installPlugin(jar);
        assertListed("fault-sidecar-empty", PluginState.ACTIVE, null);
        org.junit.Assert.assertEquals("fault-sidecar-empty: hi", chat("sidecar-empty", "hi"));
    }

    @Test
    public void providerTypeWithIllegalCharactersIsRejected() throws Exception {
        installPlugin(faultPlugin(work.resolve("bad-type.jar"), "fault-bad-type", "bad type!", null));
        assertListed("fault-bad-type", PluginState.REJECTED, "plugin 'fault-bad-type' provider type 'bad type!' "
                + "has illegal character ' ' at position 4 (allowed: a-z 0-9 . _ -)");
        assertNotOffered("bad type!");
    }

    @Test
    public void providerTypeStartingWithCapitalIsRejected() throws Exception {
        installPlugin(faultPlugin(work.resolve("capital.jar"), "fault-capital", "Capital", null));
        assertListed("fault-capital", PluginState.REJECTED,
                "plugin 'fault-capital' provider type 'Capital' must start with a-z or 0-9, not 'C'");
    }

    @Test
    public void unsatisfiedFrameworkRangeIsRejected() throws Exception {
        installPlugin(ranged("too-old", "0.1.0", "0.9.0"));
        assertListed("fault-too-old", PluginState.REJECTED,
                "plugin 'fault-too-old' requires framework version >= 0.1.0 and <= 0.9.0, running 1.0.0");
        assertNotOffered("too-old");
    }

    @Test
    public void minAboveMaxIsRejected() throws Exception {
        installPlugin(ranged("inverted", "2.0.0", "1.5.0"));
        assertListed("fault-inverted", PluginState.REJECTED,
                "plugin 'fault-inverted' min framework version 2.0.0 is greater than its max framework version 1.5.0");
    }

    @Test
    public void malformedFrameworkVersionIsRejected() throws Exception {
        installPlugin(ranged("bad-version", "1.x", null));
        assertListedContaining("fault-bad-version", PluginState.REJECTED,
                "plugin 'fault-bad-version' min framework version ", "1.x");
    }

    @Test
    public void sidecarWithWrongTypesIsRejectedNamingFileAndField() throws Exception {
        Path jar = faultPlugin(work.resolve("wrong-types.jar"), "fault-wrong-types", "wrong-types", null);
        Path sidecar = sidecar(jar, "{\"provider_type\": \"wrong-types\",\n \"tags\": \"not-a-list\"}");
        installPlugin(jar);
        assertListed("fault-wrong-types", PluginState.REJECTED,
                sidecar + ": line 2, column 10: field 'tags' must be a list of strings, found a string");
    }

    @Test
    public void hugeSidecarIsRejectedUnread() throws Exception {
        Path jar = faultPlugin(work.resolve("huge.jar"), "fault-huge", "huge", null);
        Path sidecar = sidecar(jar, "{\"description\": \"" + "x".repeat(70_000) + "\"}");
        installPlugin(jar);
        assertListed("fault-huge", PluginState.REJECTED, sidecar + ": is " + Files.size(sidecar)
                + " bytes, over the 65536-byte limit for metadata");
        assertNotOffered("huge");
    }

    @Test
    public void getMetadataReturningNullFails() throws Exception {
        installPlugin(faultPlugin(work.resolve("null-metadata.jar"), "fault-null-metadata", "null-metadata",
                "metadata-null"));
        assertListed("fault-null-metadata", PluginState.FAILED, "getMetadata() returned null");
        assertNotOffered("null-metadata");
    }

    private Path ranged(String name, String min, String max) throws Exception {
        Path jar = faultPlugin(work.resolve(name + ".jar"), "fault-" + name, name, null);
        Map<String, String> range = new HashMap<>();
        range.put("LLMrecon-Min-Framework-Version", min);
        range.put("LLMrecon-Max-Framework-Version", max);
        return withHeaders(jar, work.resolve(name + "-ranged.jar"), range);
    }

    private static Path sidecar(Path jar, String json) throws Exception {
        return Files.writeString(jar.resolveSibling(jar.getFileName() + ".metadata.json"), json,
                StandardCharsets.UTF_8);
    }
}
