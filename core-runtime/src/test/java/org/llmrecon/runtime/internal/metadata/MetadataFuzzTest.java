package org.llmrecon.runtime.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.llmrecon.api.plugin.PluginMetadata;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the metadata readers (issue 12): sidecar and {@code plugin.json} bytes through {@link MetadataJson},
 * manifest headers and whole manifests through {@link ManifestMetadata}, and what they give through
 * {@link MetadataValidator} and {@link FrameworkVersion}. Arbitrary and mutated input gives metadata or the
 * documented one-line errors, never another exception.
 */
class MetadataFuzzTest {
    private static final String SIDECAR = "{\"name\": \"Custom Provider\", \"version\": \"1.0.0\", \"author\": \"A\","
            + " \"description\": \"d\", \"provider_type\": \"custom\", \"supported_models\": [\"m1\", \"m2\"],"
            + " \"min_framework_version\": \"0.1.0\", \"max_framework_version\": \"2.0.0\", \"tags\": [\"t\"]}";
    private static final String MANIFEST = "Manifest-Version: 1.0\r\nBundle-SymbolicName: x\r\nBundle-Version: 1.0.0\r\n"
            + "LLMrecon-Provider-Type: custom\r\nLLMrecon-Models: a, b,,c\r\nLLMrecon-Min-Framework-Version: 1.0\r\n"
            + "LLMrecon-Tags: t1,\r\n t2\r\n\r\n";
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "null", "1e999", "-0",
            "\\u0000", "\n", "\r\n", " ", "\uFEFF", "\u2028", "\"name\":", "LLMrecon-Provider-Type: ", "1.0.0.qualifier");

    @Provide
    Arbitrary<byte[]> sidecars() {
        return Arbitraries.oneOf(mutated(SIDECAR), Arbitraries.bytes().array(byte[].class).ofMaxSize(600));
    }

    @Provide
    Arbitrary<byte[]> manifests() {
        return Arbitraries.oneOf(mutated(MANIFEST), Arbitraries.bytes().array(byte[].class).ofMaxSize(600));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789.-+ ,abcXYZ_\n").ofMaxLength(20),
                Arbitraries.of("1.0.0", "1.0", "99999999999.0.0", "1..0", "1.0.0.", "1.0.0.q-_x", ""));
    }

    @Property(seed = "20261209")
    void sidecarGivesMetadataOrOneLine(@ForAll("sidecars") byte[] json) throws IOException {
        try {
            validated(MetadataJson.parse(new ByteArrayInputStream(json), "x.jar.metadata.json"));
        } catch (MetadataException e) {
            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().startsWith("x.jar.metadata.json"), e.getMessage());
        }
    }

    /** Through the jar reader the runtime uses on a dropped file: a jar with a fuzzed manifest and plugin.json. */
    @Property(seed = "20261210")
    void jarGivesSourcesOrOneLine(@ForAll("manifests") byte[] manifest, @ForAll("sidecars") byte[] json)
            throws IOException {
        Path jar = Files.createTempFile("fuzz", ".jar");
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
                out.write(manifest);
                out.putNextEntry(new ZipEntry(MetadataJson.BUNDLE_ENTRY));
                out.write(json);
            }
            for (MetadataSource source : JarMetadata.sources(jar)) {
                validated(source.metadata());
            }
        } catch (MetadataException e) {
            assertOneLine(e.getMessage());
        } finally {
            Files.delete(jar);
        }
    }

    @Property(seed = "20261211")
    void headerValuesGiveMetadataAndOneLineProblems(@ForAll("values") String type, @ForAll("values") String version,
            @ForAll("values") String min, @ForAll("values") String max, @ForAll("values") String list) {
        validated(ManifestMetadata.read(Map.of("Bundle-Name", list, "Bundle-Version", version,
                ManifestMetadata.PROVIDER_TYPE, type, ManifestMetadata.MIN_FRAMEWORK_VERSION, min,
                ManifestMetadata.MAX_FRAMEWORK_VERSION, max, ManifestMetadata.MODELS, list, ManifestMetadata.TAGS, list)));
    }

    @Property(seed = "20261212")
    void frameworkVersionParsesOrNamesTheProblem(@ForAll("values") String text) {
        try {
            assertNotNull(FrameworkVersion.parse(text));
        } catch (IllegalArgumentException e) {
            assertOneLine(e.getMessage());
        }
    }

    private static void validated(PluginMetadata metadata) {
        for (String problem : new MetadataValidator().validate(metadata, "1.0.0")) {
            assertOneLine(problem);
        }
    }

    private static void assertOneLine(String message) {
        assertNotNull(message);
        assertFalse(message.isBlank());
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }

    private static Arbitrary<byte[]> mutated(String sample) {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(0, TOKENS.size() - 1)).as((k, at, n, t) -> new int[] {k, at, n, t});
        return edit.list().ofMaxSize(6).map(edits -> {
            byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            for (int[] e : edits) {
                int at = e[1] % (bytes.length + 1);
                int end = Math.min(bytes.length, at + e[2]);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                switch (e[0]) {
                    case 0 -> out.writeBytes(TOKENS.get(e[3]).getBytes(StandardCharsets.UTF_8));
                    case 1 -> out.writeBytes(new byte[] {(byte) (0x80 | e[2])});
                    case 2 -> out.write(bytes, at, end - at);
                    default -> { }
                }
                out.write(bytes, e[0] == 3 ? end : at, bytes.length - (e[0] == 3 ? end : at));
                bytes = out.toByteArray();
            }
            return bytes;
        });
    }
}
