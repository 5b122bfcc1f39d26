package org.llmrecon.provider.openai;

/** Says what went wrong below a failure in words, never as a bare exception class name. */
final class Causes {
    private Causes() {
    }

    /** @return the message of the innermost cause, or its kind when it has none; one line */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            String kind = root.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return kind + " (no detail given)";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
