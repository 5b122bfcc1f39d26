package org.llmrecon.runtime.internal.metadata;

import java.util.Objects;

/**
 * A version written {@code major[.minor[.micro[.qualifier]]]} or with
 * {@code -qualifier} after any number ({@code 1}, {@code 1.2},
 * {@code 1.0.0.SNAPSHOT}, {@code 1.0-SNAPSHOT}, {@code 2.1.0-rc.1}).
 * Numbers are non-negative decimal integers; missing ones are 0, so
 * {@code 1}, {@code 1.0} and {@code 1.0.0} are equal. A qualifier is
 * non-empty and made of letters, digits, {@code . _ - +}; the separator
 * before it is not kept. No whitespace is accepted anywhere.
 * <p>
 * Natural order: the numbers, then a version without qualifier after one
 * with a qualifier (as Maven and semantic versioning order
 * {@code 1.0.0-SNAPSHOT} before {@code 1.0.0}), then qualifiers as strings.
 * Framework range checks use {@link #withoutQualifier()}, so they ignore
 * qualifiers entirely: a {@code 1.0.0-SNAPSHOT} runtime satisfies both
 * {@code min 1.0.0} and {@code max 1.0.0}.
 */
public final class FrameworkVersion implements Comparable<FrameworkVersion> {

    private static final String[] PARTS = {"major", "minor", "micro"};

    private final int major;
    private final int minor;
    private final int micro;
    private final String qualifier;

    private FrameworkVersion(int major, int minor, int micro, String qualifier) {
        this.major = major;
        this.minor = minor;
        this.micro = micro;
        this.qualifier = qualifier;
    }

    /**
     * @param text the version as written
     * @return the version
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static FrameworkVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("version is empty");
        }
        if (!text.strip().equals(text)) {
            throw malformed(text, "it has leading or trailing whitespace");
        }
        int[] numbers = new int[3];
        int pos = 0;
        for (int k = 0; k < 3; k++) {
            int end = pos;
            while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '-') {
                end++;
            }
            numbers[k] = number(text, PARTS[k], text.substring(pos, end));
            if (end == text.length()) {
                return new FrameworkVersion(numbers[0], numbers[1], numbers[2], "");
            }
            if (text.charAt(end) == '-' || k == 2) {
                return new FrameworkVersion(numbers[0], numbers[1], numbers[2], qualifier(text, end));
            }
            pos = end + 1;
        }
        throw new AssertionError("unreachable");
    }

    private static int number(String text, String part, String digits) {
        if (digits.isEmpty()) {
            throw malformed(text, part + " part is empty");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw malformed(text, part + " part " + DisplayText.quote(digits) + " is not a number");
            }
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw malformed(text, part + " part " + DisplayText.quote(digits) + " is too large");
        }
    }

    private static String qualifier(String text, int separator) {
        String q = text.substring(separator + 1);
        if (q.isEmpty()) {
            throw malformed(text, "qualifier after '" + text.charAt(separator) + "' is empty");
        }
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-' || c == '+';
            if (!allowed) {
                throw malformed(text, "qualifier " + DisplayText.quote(q) + " has illegal character '"
                        + DisplayText.escape(c) + "' (allowed: letters, digits, . _ - +)");
            }
        }
        return q;
    }

    private static IllegalArgumentException malformed(String text, String reason) {
        return new IllegalArgumentException(DisplayText.quote(text) + " is not a valid version: " + reason);
    }

    /** @return the major number */
    public int major() {
        return major;
    }

    /** @return the minor number, 0 when not written */
    public int minor() {
        return minor;
    }

    /** @return the micro number, 0 when not written */
    public int micro() {
        return micro;
    }

    /** @return the qualifier, empty when none */
    public String qualifier() {
        return qualifier;
    }

    /** @return this version with no qualifier: what range checks compare */
    public FrameworkVersion withoutQualifier() {
        return qualifier.isEmpty() ? this : new FrameworkVersion(major, minor, micro, "");
    }

    @Override
    public int compareTo(FrameworkVersion other) {
        int c = Integer.compare(major, other.major);
        c = c != 0 ? c : Integer.compare(minor, other.minor);
        c = c != 0 ? c : Integer.compare(micro, other.micro);
        if (c != 0 || qualifier.equals(other.qualifier)) {
            return c;
        }
        if (qualifier.isEmpty() || other.qualifier.isEmpty()) {
            return qualifier.isEmpty() ? 1 : -1;
        }
        return qualifier.compareTo(other.qualifier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameworkVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, micro, qualifier);
    }

    /** @return {@code major.minor.micro}, then {@code -qualifier} if any */
    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "-" + qualifier);
    }
}
