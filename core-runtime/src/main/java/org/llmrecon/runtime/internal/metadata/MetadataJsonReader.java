package org.llmrecon.runtime.internal.metadata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.plugin.PluginMetadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/** Walks the tokens of one metadata document; see {@link MetadataJson} for the format. */
final class MetadataJsonReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final byte[] bytes;
    private final String source;
    private JsonParser parser;

    MetadataJsonReader(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    PluginMetadata read() throws MetadataException {
        try (JsonParser p = JSON.createParser(bytes)) {
            parser = p;
            try {
                return readDocument();
            } catch (JsonProcessingException e) {
                throw malformed(e);
            }
        } catch (IOException e) {
            throw new MetadataException(source, -1, -1, "cannot be parsed: " + MetadataJson.reason(e), e);
        }
    }

    private MetadataException malformed(JsonProcessingException e) {
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String field = topLevelField();
        return new MetadataException(source, where.getLineNr(), where.getColumnNr(), "malformed JSON"
                + (field == null ? "" : " near field " + DisplayText.quote(field)) + ": " + cleanMessage(e), e);
    }

    private PluginMetadata readDocument() throws IOException, MetadataException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MetadataException(source, "is empty; expected a JSON object");
        }
        if (first != JsonToken.START_OBJECT) {
            throw here("top level must be a JSON object, found " + describe(first));
        }
        PluginMetadata.Builder metadata = PluginMetadata.builder();
        Map<String, JsonLocation> keys = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            checkUnique(keys, key);
            parser.nextToken();
            switch (key) {
                case "name" -> metadata.name(string(key));
                case "version" -> metadata.version(string(key));
                case "author" -> metadata.author(string(key));
                case "description" -> metadata.description(string(key));
                case "provider_type" -> metadata.providerType(string(key));
                case "supported_models" -> metadata.supportedModels(strings(key));
                case "min_framework_version" -> metadata.minFrameworkVersion(string(key));
                case "max_framework_version" -> metadata.maxFrameworkVersion(string(key));
                case "tags" -> metadata.tags(strings(key));
                default -> skip();
            }
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw here("found " + describe(after) + " after the end of the top-level object");
        }
        return metadata.build();
    }

    private String string(String key) throws IOException, MetadataException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw here("field '" + key + "' must be a string, found " + describe(token));
        }
        return parser.getText();
    }

    private List<String> strings(String key) throws IOException, MetadataException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw here("field '" + key + "' must be a list of strings, found " + describe(token));
        }
        List<String> values = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw here("field '" + key + "' item " + (values.size() + 1) + " must be a string, found "
                        + describe(token));
            }
            values.add(parser.getText());
        }
        return values;
    }

    /** Skips an ignored value, still rejecting duplicate keys inside it. */
    private void skip() throws IOException, MetadataException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, JsonLocation> keys = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                checkUnique(keys, parser.currentName());
                parser.nextToken();
                skip();
            }
        } else if (token == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                skip();
            }
        }
    }

    private void checkUnique(Map<String, JsonLocation> keys, String key) throws MetadataException {
        JsonLocation first = keys.putIfAbsent(key, parser.currentTokenLocation());
        if (first != null) {
            throw here("duplicate key " + DisplayText.quote(key) + " (first at line " + first.getLineNr()
                    + ", column " + first.getColumnNr() + ")");
        }
    }

    private MetadataException here(String reason) {
        JsonLocation where = parser.currentTokenLocation();
        return new MetadataException(source, where.getLineNr(), where.getColumnNr(), reason, null);
    }

    /** @return the top-level key whose value was being read, or null */
    private String topLevelField() {
        JsonStreamContext context = parser.getParsingContext();
        while (context != null && context.getParent() != null && !context.getParent().inRoot()) {
            context = context.getParent();
        }
        return context == null || !context.inObject() ? null : context.getCurrentName();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Jackson's own message, without its source description and line breaks. */
    private static String cleanMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s+", " ").strip();
        return DisplayText.escapeAll(message);
    }
}
