package org.llmrecon.runtime.internal.diagnostics;

/** How the runtime tells a failure in one line: the exception's simple name and the first line of its message. */
public final class Failures {
    private Failures() {
    }

    /** @param t a failure @return it in one line, e.g. {@code IllegalStateException: no such file} */
    public static String oneLine(Throwable t) {
        String m = t.getMessage();
        String line = m == null ? "" : m.lines().findFirst().orElse("").trim();
        return t.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }
}
