package org.llmrecon.runtime.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kept versions of each target's stored values, in
 * {@code .history/<target>.json} of the configuration folder (a folder File
 * Install does not read): the last {@value #KEEP}, secrets as stored, that
 * is encrypted. A file that cannot be read is reported, never overwritten.
 */
final class ConfigHistory {
    static final int KEEP = 20;
    static final String FOLDER = ".history";

    /** Built on the first history read or write, not at start: an ObjectMapper loads about 280 classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** One version as stored. */
    record Version(int number, Instant time, String change, Map<String, String> values) {
    }

    private final Path folder;

    /** @param etc the configuration folder */
    ConfigHistory(Path etc) {
        this.folder = etc.resolve(FOLDER);
    }

    Path file(String target) {
        return folder.resolve(target + ".json");
    }

    /**
     * @return the versions, oldest first; empty when none were kept
     * @throws IllegalArgumentException naming the file when it is corrupted
     */
    List<Version> versions(String target) {
        Path f = file(target);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(f.toFile());
            JsonNode all = root == null ? null : root.get("versions");
            if (all == null || !all.isArray()) {
                throw new IllegalArgumentException(f + ": corrupted: no 'versions' array");
            }
            List<Version> versions = new ArrayList<>();
            for (JsonNode v : all) {
                versions.add(version(f, v));
            }
            return versions;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(f + ": corrupted: line " + e.getLocation().getLineNr()
                    + ": malformed JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Adds a version after the last one and keeps the last {@value #KEEP}.
     *
     * @return the new version's number
     * @throws IllegalArgumentException when the history is corrupted (nothing is written then)
     */
    int add(String target, String change, Map<String, String> values) throws IOException {
        List<Version> versions = new ArrayList<>(versions(target));
        int number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number() + 1;
        versions.add(new Version(number, Instant.now(), change, new TreeMap<>(values)));
        List<Version> kept = versions.subList(Math.max(0, versions.size() - KEEP), versions.size());
        ObjectNode root = Json.MAPPER.createObjectNode().put("target", target);
        ArrayNode array = root.putArray("versions");
        for (Version v : kept) {
            ObjectNode n = array.addObject().put("version", v.number()).put("time", v.time().toString())
                    .put("change", v.change());
            ObjectNode vals = n.putObject("values");
            v.values().forEach(vals::put);
        }
        AtomicFiles.write(file(target), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        return number;
    }

    private static Version version(Path f, JsonNode v) {
        JsonNode number = v.get("version");
        JsonNode time = v.get("time");
        JsonNode values = v.get("values");
        if (number == null || !number.canConvertToInt() || time == null || values == null || !values.isObject()) {
            throw new IllegalArgumentException(f + ": corrupted: a version lacks 'version', 'time' or 'values'");
        }
        Map<String, String> m = new TreeMap<>();
        values.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        try {
            return new Version(number.asInt(), Instant.parse(time.asText()), v.path("change").asText(""), m);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(f + ": corrupted: version " + number.asInt() + " has a bad time");
        }
    }
}
