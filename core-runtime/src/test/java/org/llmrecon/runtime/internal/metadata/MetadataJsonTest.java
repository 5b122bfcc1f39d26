package org.llmrecon.runtime.internal.metadata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.plugin.PluginMetadata;

class MetadataJsonTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSeedsExampleSidecarVerbatim() throws Exception {
        PluginMetadata m;
        try (InputStream in = getClass().getResourceAsStream("custom-provider.metadata.json")) {
            m = MetadataJson.parse(in, "custom-provider.metadata.json");
        }
        assertEquals(PluginMetadata.builder().name("Custom Provider").version("1.0.0").author("Your Name")
                .description("A custom provider plugin for LLMrecon").providerType("custom-provider").supportedModels(List.of("custom-model-1", "custom-model-2"))
                .minFrameworkVersion("0.1.0").maxFrameworkVersion("").tags(List.of("custom", "example")).build(), m);
    }

    @Test
    void readsAFileByPath() throws Exception {
        Path file = write("x.jar.metadata.json", "{\"name\": \"X\", \"provider_type\": \"x\"}");
        PluginMetadata m = MetadataJson.parse(file);
        assertEquals("X", m.name());
        assertEquals("x", m.providerType());
        assertNull(m.version());
        assertEquals(List.of(), m.tags());
    }

    @Test
    void nullMeansNotGivenAndUnknownKeysAreIgnored() throws Exception {
        PluginMetadata m = parse("""
                {"name": null, "version": "2.0", "supported_models": null, "tags": null,
                 "homepage": "https://example.invalid", "extra": {"nested": [1, {"a": true}]}, "n": 5}
                """);
        assertNull(m.name());
        assertEquals("2.0", m.version());
        assertEquals(List.of(), m.supportedModels());
        assertEquals(List.of(), m.tags());
    }

    @Test
    void anEmptyObjectIsEmptyMetadata() throws Exception {
        assertEquals(PluginMetadata.EMPTY, parse("  {}  \n"));
    }

    @Test
    void acceptsAUtf8ByteOrderMarkAndNonAsciiText() throws Exception {
        byte[] json = "\uFEFF{\"author\": \"Zoë Ångström\"}".getBytes(UTF_8);
        assertEquals("Zoë Ångström", MetadataJson.parse(new ByteArrayInputStream(json), "s").author());
    }

    @Test
    void rejectsAListWhereAListOfStringsIsExpectedAsAString() {
        assertFails("{\n  \"supported_models\": \"gpt-4\"\n}",
                "s.json: line 2, column 23: field 'supported_models' must be a list of strings, found a string");
    }

    @Test
    void rejectsANumberAsName() {
        assertFails("{\"name\": 42}", "s.json: line 1, column 10: field 'name' must be a string, found a number");
    }

    @Test
    void rejectsOtherWrongTypes() {
        assertFails("{\"version\": 1.0}", "s.json: line 1, column 13: field 'version' must be a string, found a number");
        assertFails("{\"author\": [\"a\"]}", "s.json: line 1, column 12: field 'author' must be a string, found a list");
        assertFails("{\"provider_type\": {}}",
                "s.json: line 1, column 19: field 'provider_type' must be a string, found an object");
        assertFails("{\"max_framework_version\": false}",
                "s.json: line 1, column 27: field 'max_framework_version' must be a string, found a boolean");
        assertFails("{\"tags\": {\"a\": \"b\"}}", "s.json: line 1, column 10: field 'tags' must be a list of strings, found an object");
    }

    @Test
    void rejectsAListWithANonString() {
        assertFails("{\"tags\": [\"a\",\n  3]}", "s.json: line 2, column 3: field 'tags' item 2 must be a string, found a number");
        assertFails("{\"supported_models\": [null]}",
                "s.json: line 1, column 23: field 'supported_models' item 1 must be a string, found null");
        assertFails("{\"tags\": [[\"a\"]]}", "s.json: line 1, column 11: field 'tags' item 1 must be a string, found a list");
    }

    @Test
    void rejectsATopLevelThatIsNotAnObject() {
        assertFails("[\"name\"]", "s.json: line 1, column 1: top level must be a JSON object, found a list");
        assertFails("\n  \"Custom Provider\"", "s.json: line 2, column 3: top level must be a JSON object, found a string");
        assertFails("null", "s.json: line 1, column 1: top level must be a JSON object, found null");
    }

    @Test
    void rejectsDuplicateKeysNamingBothPlaces() {
        assertFails("{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}",
                "s.json: line 3, column 3: duplicate key 'name' (first at line 2, column 3)");
        assertFails("{\"x\": {\"k\": 1,\n \"k\": 2}}", "s.json: line 2, column 2: duplicate key 'k' (first at line 1, column 8)");
        assertFails("{\"homepage\": \"a\", \"homepage\": \"b\"}",
                "s.json: line 1, column 19: duplicate key 'homepage' (first at line 1, column 2)");
    }

    @Test
    void rejectsAnEmptyOrBlankFile() throws IOException {
        assertFails("", "s.json: is empty; expected a JSON object");
        assertFails(" \n\t ", "s.json: is empty; expected a JSON object");
        Path empty = write("empty.metadata.json", "");
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataJson.parse(empty));
        assertEquals(empty + ": is empty; expected a JSON object", e.getMessage());
    }

    @Test
    void rejectsContentAfterTheObject() {
        assertFails("{}\n{}", "s.json: line 2, column 1: found an object after the end of the top-level object");
    }

    @Test
    void rejectsMalformedJsonWithLineColumnAndNearestField() {
        MetadataException e = fail("{\n  \"name\": \"a\",\n  \"version\": '1.0.0'\n}");
        assertTrue(e.getMessage().startsWith("s.json: line 3, column "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON near field 'version': "), e.getMessage());
        assertEquals(3, e.line());
        assertOneLine(e);

        e = fail("{\"name\": \"a\",}");
        assertTrue(e.getMessage().startsWith("s.json: line 1, column 14: malformed JSON"), e.getMessage());
        assertOneLine(e);

        e = fail("{\"tags\": [\"a\" \"b\"]}");
        assertTrue(e.getMessage().startsWith("s.json: line 1, column 15: malformed JSON near field 'tags': "),
                e.getMessage());
        assertOneLine(e);

        e = fail("{name: \"a\"}");
        assertTrue(e.getMessage().startsWith("s.json: line 1, column 2: malformed JSON: "), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void rejectsATruncatedFileInOneLine() {
        MetadataException e = fail("{\n  \"tags\": [\"a\",\n");
        assertTrue(e.getMessage().startsWith("s.json: line 3, column 1: malformed JSON near field 'tags': "),
                e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void rejectsRawControlCharactersWithoutBreakingTheLine() {
        MetadataException e = fail("{\"name\": \"a\nb\"}");
        assertTrue(e.getMessage().startsWith("s.json: line 1, column 12: malformed JSON near field 'name': "),
                e.getMessage());
        assertOneLine(e);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] json = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'};
        MetadataException e = assertThrows(MetadataException.class,
                () -> MetadataJson.parse(new ByteArrayInputStream(json), "s.json"));
        assertTrue(e.getMessage().startsWith("s.json: line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON near field 'name': Invalid UTF-8"), e.getMessage());
    }

    @Test
    void rejectsAbsurdNestingInOneLineWithoutOverflowingTheStack() {
        MetadataException e = fail("{\"extra\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertTrue(e.getMessage().startsWith("s.json: line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON near field 'extra': "), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void theSidecarSitsBesideThePluginFile() {
        assertEquals(dir.resolve("x.jar.metadata.json"), MetadataJson.sidecarOf(dir.resolve("x.jar")));
    }

    @Test
    void rejectsAFileOverTheLimitSayingSizeAndLimit() throws IOException {
        Path big = write("big.metadata.json", "{\"description\": \"" + "x".repeat(MetadataJson.MAX_BYTES) + "\"}");
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataJson.parse(big));
        assertEquals(big + ": is " + Files.size(big) + " bytes, over the 65536-byte limit for metadata", e.getMessage());
    }

    @Test
    void readsAtMostOneByteOverTheLimitFromAStream() {
        CountingStream in = new CountingStream(10 * MetadataJson.MAX_BYTES);
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataJson.parse(in, "plugin.json"));
        assertEquals("plugin.json: is more than 65536 bytes, over the 65536-byte limit for metadata", e.getMessage());
        assertEquals(MetadataJson.MAX_BYTES + 1, in.read);
    }

    @Test
    void acceptsAFileOfExactlyTheLimit() throws Exception {
        String head = "{\"description\": \"";
        String json = head + "x".repeat(MetadataJson.MAX_BYTES - head.length() - 2) + "\"}";
        assertEquals(MetadataJson.MAX_BYTES, json.getBytes(UTF_8).length);
        assertEquals(MetadataJson.MAX_BYTES - head.length() - 2, parse(json).description().length());
    }

    @Test
    void namesAMissingFileOrADirectory() {
        Path missing = dir.resolve("none.metadata.json");
        assertEquals(missing + ": does not exist",
                assertThrows(MetadataException.class, () -> MetadataJson.parse(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a metadata file",
                assertThrows(MetadataException.class, () -> MetadataJson.parse(dir)).getMessage());
    }

    @Test
    void namesAStreamThatFails() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertEquals("bundle.jar!/META-INF/llmrecon/plugin.json: cannot be read: IOException: disk on fire",
                assertThrows(MetadataException.class,
                        () -> MetadataJson.parse(broken, "bundle.jar!/META-INF/llmrecon/plugin.json")).getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static PluginMetadata parse(String json) throws MetadataException {
        return MetadataJson.parse(new ByteArrayInputStream(json.getBytes(UTF_8)), "s.json");
    }

    private static MetadataException fail(String json) {
        return assertThrows(MetadataException.class, () -> parse(json));
    }

    private static void assertFails(String json, String message) {
        assertEquals(message, fail(json).getMessage());
    }

    private static void assertOneLine(MetadataException e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }

    /** An endless stream of spaces that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        private final int size;
        private int read;

        CountingStream(int size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read == size) {
                return -1;
            }
            read++;
            return ' ';
        }
    }
}
