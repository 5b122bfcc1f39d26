package org.llmrecon.api.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of small JSON documents (RFC 8259) into maps, lists, strings, doubles, booleans and null,
 * so that {@link PriceTable} needs no third-party library in the API. Faults are reported as
 * {@link IllegalArgumentException} with the offset.
 */
final class JsonText {
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        JsonText reader = new JsonText(text);
        Object value = reader.value(0);
        reader.space();
        if (reader.at < text.length()) {
            throw reader.fault("text after the document");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException(what + " must be an object");
    }

    static String string(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(what + " must be a string");
    }

    static double number(Object value, String what) {
        if (value instanceof Double d && d >= 0) {
            return d;
        }
        throw new IllegalArgumentException(what + " must be a number, 0 or more");
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw fault("nested deeper than " + MAX_DEPTH);
        }
        space();
        char c = peek();
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            if (skip('}')) {
                return map;
            }
            do {
                space();
                String key = string();
                space();
                expect(':');
                if (map.put(key, value(depth + 1)) != null) {
                    throw fault("duplicate key '" + key + "'");
                }
                space();
            } while (skip(','));
            expect('}');
            return map;
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            at++;
            if (skip(']')) {
                return list;
            }
            do {
                list.add(value(depth + 1));
                space();
            } while (skip(','));
            expect(']');
            return list;
        }
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (!number.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            at = start;
            throw fault("not a JSON value");
        }
        return Double.valueOf(number);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = peek();
            at++;
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw fault("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            at++;
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
                        throw fault("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw fault("bad escape \\" + e);
            }
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw fault("unexpected end");
        }
        return text.charAt(at);
    }

    private boolean skip(char c) {
        space();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fault("expected '" + c + "'");
        }
        at++;
    }

    private IllegalArgumentException fault(String reason) {
        return new IllegalArgumentException("malformed JSON at offset " + at + ": " + reason);
    }
}
