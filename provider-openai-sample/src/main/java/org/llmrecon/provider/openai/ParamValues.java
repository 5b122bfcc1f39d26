package org.llmrecon.provider.openai;

import java.io.IOException;
import java.util.Map;

import org.llmrecon.api.provider.PriceTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Additional request parameters ({@code param.<name>} in the configuration) arrive as strings and are sent
 * as JSON: {@code true}/{@code false} as booleans, JSON numbers as numbers (but {@code 007} stays text),
 * {@code null} as null, text starting with <code>{</code> or {@code [} as JSON when it parses, anything else
 * as text. A name prefixed {@code chat.}, {@code completions.} or {@code embeddings.} applies to that
 * endpoint only; an unprefixed name applies to all three. Fields the request sets itself win. The target's
 * prices ({@code pricing.<model>.input}) arrive as parameters too and are never sent.
 */
final class ParamValues {
    static final String STREAM_OPTIONS = "stream_options";
    private static final String NUMBER = "-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?";

    private final Map<String, String> params;

    ParamValues(Map<String, String> params) {
        this.params = params;
    }

    static JsonNode parse(String value) {
        String text = value.trim();
        if (text.equals("true") || text.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        if (text.equals("null")) {
            return NullNode.getInstance();
        }
        if (text.matches(NUMBER) || text.startsWith("{") || text.startsWith("[")) {
            try {
                return Json.MAPPER.readTree(text);
            } catch (IOException e) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }

    /** Adds the parameters for {@code endpoint} that {@code body} does not set, except stream options. */
    void mergeInto(ObjectNode body, String endpoint) {
        params.forEach((name, value) -> {
            String field = field(name, endpoint);
            if (field != null && !field.equals(STREAM_OPTIONS) && !body.has(field)) {
                body.set(field, parse(value));
            }
        });
    }

    /** @return the configured stream options for {@code endpoint}, or {@code null} when none are configured */
    JsonNode streamOptions(String endpoint) {
        for (Map.Entry<String, String> entry : params.entrySet()) {
            if (STREAM_OPTIONS.equals(field(entry.getKey(), endpoint))) {
                return parse(entry.getValue());
            }
        }
        return null;
    }

    private static String field(String name, String endpoint) {
        if (name.startsWith(PriceTable.PREFIX)) {
            return null;
        }
        if (name.startsWith(endpoint + ".")) {
            return name.substring(endpoint.length() + 1);
        }
        boolean scoped = name.startsWith("chat.") || name.startsWith("completions.") || name.startsWith("embeddings.");
        return scoped ? null : name;
    }
}
