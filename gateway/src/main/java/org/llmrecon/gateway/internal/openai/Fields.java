package org.llmrecon.gateway.internal.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads of request fields; a field of the wrong type or out of range is a 400 naming it. */
final class Fields {
    private Fields() {
    }

    static String requiredText(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw GatewayException.badField(path, "is required");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw GatewayException.badField(path, "must be a non-empty string");
        }
        return v.asText();
    }

    static String text(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw GatewayException.badField(path, "must be a string");
        }
        return v.asText();
    }

    static Integer integer(JsonNode parent, String name, int min, int max) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw GatewayException.badField(name, "must be an integer from " + min + " to " + max);
        }
        return v.asInt();
    }

    static Double number(JsonNode parent, String name, double min, double max) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw GatewayException.badField(name, "must be a number from " + min + " to " + max);
        }
        return v.asDouble();
    }

    static boolean flag(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw GatewayException.badField(name, "must be true or false");
        }
        return v.asBoolean();
    }

    /** @return a string or an array of strings as a list; empty when absent */
    static List<String> texts(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw GatewayException.badField(name, "must be a string or an array of strings");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw GatewayException.badField(name, "must be a string or an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }
}
