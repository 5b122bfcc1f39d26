package org.llmrecon.runtime.internal.metadata;

/** The rule for provider types: {@code [a-z0-9][a-z0-9._-]{0,63}}. */
final class ProviderTypes {

    static final int MAX_LENGTH = 64;

    private ProviderTypes() {
    }

    /** @return what is wrong with the type, phrased to follow "plugin 'X' ", or null when it is valid */
    static String problem(String type) {
        if (type == null || type.isEmpty()) {
            return "has no provider type";
        }
        String quoted = "provider type " + DisplayText.quote(type);
        if (type.length() > MAX_LENGTH) {
            return quoted + " is " + type.length() + " characters long, over the " + MAX_LENGTH + "-character limit";
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (i == 0 && !letterOrDigit) {
                return quoted + " must start with a-z or 0-9, not '" + DisplayText.escape(c) + "'";
            }
            if (!letterOrDigit && c != '.' && c != '_' && c != '-') {
                return quoted + " has illegal character '" + DisplayText.escape(c) + "' at position " + (i + 1)
                        + " (allowed: a-z 0-9 . _ -)";
            }
        }
        return null;
    }
}
