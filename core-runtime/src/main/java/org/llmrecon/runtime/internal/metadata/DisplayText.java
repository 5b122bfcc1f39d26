package org.llmrecon.runtime.internal.metadata;

/** Makes untrusted text safe to show inside a one-line message. */
final class DisplayText {

    static final int MAX_SHOWN = 100;

    private DisplayText() {
    }

    /** @return the value in single quotes, control characters escaped, cut after {@link #MAX_SHOWN} characters */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('\'');
        for (int i = 0; i < value.length(); i++) {
            if (i >= MAX_SHOWN && !Character.isLowSurrogate(value.charAt(i))) {
                return out.append("...'").toString();
            }
            out.append(escape(value.charAt(i)));
        }
        return out.append('\'').toString();
    }

    /** @return the text with control characters and line breaks escaped, so it stays on one line */
    static String escapeAll(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(escape(text.charAt(i)));
        }
        return out.toString();
    }

    /** @return the character as it should appear in a message */
    static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> invisible(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c);
        };
    }

    /** Controls, line breaks and format characters (such as bidi overrides) would garble or disguise a message. */
    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }

    /** @return {@code U+XXXX} */
    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
