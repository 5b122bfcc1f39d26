package org.llmrecon.runtime.internal.folders;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a provider settings file in JSON. {@code org.llmrecon.provider-<type>.json}
 * holds one type's settings; any other {@code *.json} holds an object of types,
 * as the runtime's {@code llmrecon.config.json}. Nested objects become dotted
 * keys ({@code "retry": {"maxRetries": 2}} is {@code retry.maxRetries}), arrays
 * comma lists.
 */
public final class JsonSettings {
    static final String TYPE_FILE_PREFIX = "org.llmrecon.provider-";
    static final long MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSettings() {
    }

    /** @return the settings by provider type, keys flattened */
    static Map<String, Map<String, String>> read(File file) throws IOException {
        if (file.length() > MAX_BYTES) {
            throw new IOException(file + ": larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": line " + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": the top level must be a JSON object");
        }
        Map<String, Map<String, String>> types = new TreeMap<>();
        String name = file.getName();
        if (name.startsWith(TYPE_FILE_PREFIX)) {
            types.put(name.substring(TYPE_FILE_PREFIX.length(), name.length() - ".json".length()), flat(root));
            return types;
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            if (!e.getValue().isObject()) {
                throw new IOException(file + ": '" + e.getKey() + "' must be an object of settings");
            }
            types.put(e.getKey(), flat(e.getValue()));
        }
        return types;
    }

    /**
     * @param node an object of settings
     * @return its values by key: nested objects become dotted keys, arrays comma lists, nulls are left out
     */
    public static Map<String, String> flat(JsonNode node) {
        Map<String, String> into = new LinkedHashMap<>();
        flatten("", node, into);
        return into;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        node.fields().forEachRemaining(e -> {
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key + ".", v, into);
            } else if (v.isArray()) {
                StringBuilder b = new StringBuilder();
                v.forEach(x -> b.append(b.length() == 0 ? "" : ",").append(x.asText()));
                into.put(key, b.toString());
            } else if (!v.isNull()) {
                into.put(key, v.asText());
            }
        });
    }
}
