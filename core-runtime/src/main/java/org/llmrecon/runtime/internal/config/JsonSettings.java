package org.llmrecon.runtime.internal.config;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a provider settings file in JSON. {@code org.llmrecon.provider-<type>.json}
 * holds one type's settings; any other {@code *.json} holds an object of types,
 * as the runtime's {@code llmrecon.config.json}. Nested objects become dotted
 * keys ({@code "retry": {"maxRetries": 2}} is {@code retry.maxRetries}), arrays
 * comma lists. Read with Jackson's streaming parser: databind is not needed for
 * settings, and loading it costs the start-up several hundred classes.
 */
public final class JsonSettings {
    static final String TYPE_FILE_PREFIX = TargetFiles.PREFIX;
    static final long MAX_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    /** A JSON {@code null} in a document. */
    private static final Object NULL = new Object();

    private JsonSettings() {
    }

    /** @return the settings by provider type, keys flattened */
    public static Map<String, Map<String, String>> read(File file) throws IOException {
        if (file.length() > MAX_BYTES) {
            throw new IOException(file + ": larger than " + MAX_BYTES + " bytes");
        }
        Map<String, Object> root;
        try {
            root = document(file);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": line " + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null) {
            throw new IOException(file + ": the top level must be a JSON object");
        }
        Map<String, Map<String, String>> types = new TreeMap<>();
        String name = file.getName();
        if (name.startsWith(TYPE_FILE_PREFIX)) {
            types.put(name.substring(TYPE_FILE_PREFIX.length(), name.length() - ".json".length()), flat(root));
            return types;
        }
        String notSettings = notSettings(root);
        if (notSettings != null) {
            throw new IOException(file + ": '" + notSettings + "' must be an object of settings");
        }
        types.putAll(byType(root));
        return types;
    }

    /**
     * Reads the first JSON value of a file whole, as the tree model would: objects as maps (a repeated key
     * keeps its first place and its last value), arrays as lists, other values as their text.
     *
     * @return the top-level object, or {@code null} when the file is empty or its top level is no object
     * @throws JsonProcessingException when the JSON is malformed
     */
    public static Map<String, Object> document(File file) throws IOException {
        try (JsonParser p = JSON.createParser(file)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Object root = value(p);
            @SuppressWarnings("unchecked")
            Map<String, Object> object = root instanceof Map ? (Map<String, Object>) root : null;
            return object;
        }
    }

    /** @return the first top-level key of a document of types whose value is not an object, or {@code null} */
    public static String notSettings(Map<String, Object> root) {
        return root.entrySet().stream().filter(e -> !(e.getValue() instanceof Map)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** @return each top-level object of a document of types, flattened; see {@link #notSettings} */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, String>> byType(Map<String, Object> root) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        root.forEach((type, settings) -> types.put(type, flat((Map<String, Object>) settings)));
        return types;
    }

    /**
     * @param settings an object of settings
     * @return its values by key: nested objects become dotted keys, arrays comma lists, nulls are left out
     */
    static Map<String, String> flat(Map<String, Object> settings) {
        Map<String, String> into = new LinkedHashMap<>();
        flatten("", settings, into);
        return into;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> object, Map<String, String> into) {
        object.forEach((name, v) -> {
            String key = prefix + name;
            if (v instanceof Map) {
                flatten(key + ".", (Map<String, Object>) v, into);
            } else if (v instanceof List<?> items) {
                StringBuilder b = new StringBuilder();
                items.forEach(x -> b.append(b.length() == 0 ? "" : ",").append(text(x)));
                into.put(key, b.toString());
            } else if (v != NULL) {
                into.put(key, (String) v);
            }
        });
    }

    /** An item of a list as the tree model's {@code asText()}: nested objects and lists are empty. */
    private static String text(Object item) {
        return item == NULL ? "null" : item instanceof String s ? s : "";
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.put(name, value(p));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                return items;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue().toString();
            }
            case VALUE_NUMBER_FLOAT -> {
                return Double.toString(p.getDoubleValue());
            }
            default -> {
                return p.getText();
            }
        }
    }
}
