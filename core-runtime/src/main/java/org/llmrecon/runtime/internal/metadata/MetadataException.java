package org.llmrecon.runtime.internal.metadata;

/**
 * Metadata that cannot be read. The message is one line: the source (a file
 * or a name such as {@code META-INF/llmrecon/plugin.json}), the line and
 * column when known, the field when known, and the reason.
 */
public final class MetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source what was read
     * @param reason why it cannot be used
     */
    public MetadataException(String source, String reason) {
        this(source, -1, -1, reason, null);
    }

    /**
     * @param source what was read
     * @param line the 1-based line, or -1 when unknown
     * @param column the 1-based column, or -1 when unknown
     * @param reason why it cannot be used
     * @param cause the underlying failure, or null
     */
    public MetadataException(String source, int line, int column, String reason, Throwable cause) {
        super(source + ": " + position(line, column) + reason, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String position(int line, int column) {
        if (line < 1) {
            return "";
        }
        return column < 1 ? "line " + line + ": " : "line " + line + ", column " + column + ": ";
    }

    /** @return what was read, as named by the caller */
    public String source() {
        return source;
    }

    /** @return the 1-based line of the problem, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column of the problem, or -1 when unknown */
    public int column() {
        return column;
    }
}
