package org.llmrecon.runtime.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;



import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A JSON file of provider settings: {@code {"openai": {"apiKey": "...",
 * "retry": {"maxRetries": 2}}}}; nested objects become dotted keys. Re-read
 * when the file changes; a broken file keeps the last good values and is
 * reported as one line.
 */
final class JsonFileSource {
    static final long MAX_BYTES = 1024 * 1024;

    private final Path file;
    private FileTime readAt;
    private Map<String, Map<String, String>> values = Map.of();
    private String problem;

    JsonFileSource(Path file) {
        this.file = file;
    }

    synchronized Map<String, String> values(String type) {
        refresh();
        return values.getOrDefault(type, Map.of());
    }

    synchronized Set<String> types() {
        refresh();
        return values.keySet();
    }

    synchronized String problem() {
        refresh();
        return problem;
    }

    Path file() {
        return file;
    }

    private void refresh() {
        if (file == null || !Files.isRegularFile(file)) {
            values = Map.of();
            problem = null;
            return;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) {
                return;
            }
            readAt = modified;
            if (Files.size(file) > MAX_BYTES) {
                problem = file + ": larger than " + MAX_BYTES + " bytes; ignored";
                return;
            }
            Map<String, Object> root = JsonSettings.document(file.toFile());
            if (root == null) {
                problem = file + ": the top level must be an object of provider types";
                return;
            }
            String notSettings = JsonSettings.notSettings(root);
            if (notSettings != null) {
                problem = file + ": '" + notSettings + "' must be an object of settings";
                return;
            }
            Map<String, Map<String, String>> read = new HashMap<>();
            JsonSettings.byType(root).forEach((type, settings) -> read.put(type, Map.copyOf(settings)));
            values = Map.copyOf(read);
            problem = null;
        } catch (JsonProcessingException e) {
            // the parser quotes the token it could not read: an unquoted API key, say
            problem = file + ": line " + e.getLocation().getLineNr() + ": malformed JSON: "
                    + String.valueOf(e.getOriginalMessage()).replaceAll("Unrecognized token '[^']*'", "Unrecognized token");
        } catch (IOException e) {
            problem = file + ": cannot be read: " + e.getMessage();
        }
    }
}
