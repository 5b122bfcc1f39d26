package org.llmrecon.provider.openai;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The status line and headers of one HTTP/1.1 answer, read within fixed bounds so that a hostile server cannot
 * make the client buffer without end: each line at most {@value #MAX_LINE_BYTES} bytes, all the heads of one
 * answer (interim {@code 1xx} ones included) at most {@value #MAX_HEAD_BYTES} bytes, and at most
 * {@value #MAX_INTERIM} interim answers, which are skipped. Folded header lines (obsolete since RFC 7230),
 * malformed lines and a {@code 101} nobody asked for fail the answer.
 *
 * @param statusCode the status code
 * @param http11 whether the server speaks HTTP/1.1 (a 1.0 answer closes its connection)
 * @param headers the headers, names compared ignoring case
 */
record Http1Head(int statusCode, boolean http11, HttpHeaders headers) implements HttpResponse.ResponseInfo {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_LINE_BYTES = 8 * 1024;
    static final int MAX_INTERIM = 8;

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?");
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * Reads the final answer's head, skipping interim ({@code 1xx}) answers.
     *
     * @throws EOFException when the connection ended before the head did
     */
    static Http1Head read(Http1Connection connection) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        for (int interim = 0;; interim++) {
            String statusLine = line(connection, budget, "status line");
            if (!STATUS_LINE.matcher(statusLine).matches()) {
                throw new ProtocolException("the answer does not start with an HTTP/1.1 status line");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            HttpHeaders headers = headers(connection, budget);
            if (status == 101) {
                throw new ProtocolException("the server switched protocols (HTTP 101), which was not asked for");
            }
            if (status >= 200) {
                return new Http1Head(status, statusLine.charAt(7) == '1', headers);
            }
            if (interim == MAX_INTERIM) {
                throw new ProtocolException("the server sent more than " + MAX_INTERIM + " interim (1xx) answers");
            }
        }
    }

    /** Reads header lines up to the empty line that ends them, within what is left of {@code budget}. */
    static HttpHeaders headers(Http1Connection connection, int[] budget) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while (!(line = line(connection, budget, "header")).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !NAME.matcher(line.substring(0, colon)).matches()) {
                throw new ProtocolException(line.startsWith(" ") || line.startsWith("\t")
                        ? "the answer has a folded header line" : "the answer has a malformed header line");
            }
            headers.computeIfAbsent(line.substring(0, colon), n -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    private static String line(Http1Connection connection, int[] budget, String what) throws IOException {
        if (budget[0] <= 0) {
            throw new ProtocolException("the answer's headers are longer than " + MAX_HEAD_BYTES + " bytes");
        }
        String line;
        try {
            line = connection.readLineOrEnd(Math.min(MAX_LINE_BYTES, budget[0]), what);
        } catch (ProtocolException e) {
            if (budget[0] < MAX_LINE_BYTES) {
                throw new ProtocolException("the answer's headers are longer than " + MAX_HEAD_BYTES + " bytes");
            }
            throw e;
        }
        budget[0] -= line.length() + 2;
        return line;
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }

    /** @return whether the value of header {@code name} lists {@code token} (comma-separated, ignoring case) */
    boolean lists(String name, String token) {
        for (String value : headers.allValues(name)) {
            for (String part : value.split(",")) {
                if (part.strip().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
