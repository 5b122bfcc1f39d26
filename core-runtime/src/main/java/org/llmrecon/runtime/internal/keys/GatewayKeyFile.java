package org.llmrecon.runtime.internal.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.llmrecon.api.runtime.GatewayProperties;
import org.llmrecon.runtime.internal.config.AtomicFiles;

/**
 * The gateway's keys in {@code etc/org.llmrecon.gateway.cfg}, the file File Install hands to Config Admin:
 * one line {@code keys = A,B} (which the gateway splits at commas). Writing replaces that line and keeps every
 * other line of the file as it was, written whole or not at all and readable by its owner only.
 */
public final class GatewayKeyFile {
    static final String NAME = GatewayProperties.PID + ".cfg";
    private static final String KEY = GatewayProperties.KEYS;

    private final Path file;

    /** @param etc the configuration folder */
    public GatewayKeyFile(Path etc) {
        this.file = etc.resolve(NAME);
        if (Files.exists(etc.resolve(GatewayProperties.PID + ".config"))) {
            throw new IllegalArgumentException("the gateway's configuration is in " + etc.resolve(GatewayProperties.PID
                    + ".config") + "; these commands write " + file + ": move its values there first");
        }
    }

    Path path() {
        return file;
    }

    /** @return the stored keys ({@code ENC(...)} or plain) in order, blank ones left out */
    List<String> read() {
        List<String> keys = new ArrayList<>();
        for (String line : logicalLines(text())) {
            String value = value(line);
            if (value != null) {
                keys.clear();
                for (String k : value.split(",")) {
                    if (!k.isBlank()) {
                        keys.add(k.trim());
                    }
                }
            }
        }
        return keys;
    }

    /** @param keys the keys to store (none removes the line) */
    void write(List<String> keys) {
        StringBuilder out = new StringBuilder();
        String line = keys.isEmpty() ? null : KEY + " = " + String.join(",", keys);
        for (String l : logicalLines(text())) {
            if (value(l) == null) {
                out.append(l).append('\n');
            } else if (line != null) {
                out.append(line).append('\n');
                line = null;
            }
        }
        if (line != null) {
            out.append(line).append('\n');
        }
        try {
            AtomicFiles.write(file, out.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private String text() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @return the value when this logical line sets {@code keys}, else null */
    private static String value(String logicalLine) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(logicalLine));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return null; // a malformed escape: not ours to judge, kept as it is
        }
        return p.getProperty(KEY);
    }

    /** The file's lines, a line ending in an odd number of backslashes joined with the next as Properties do. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            boolean comment = current.length() == 0 && (line.stripLeading().startsWith("#")
                    || line.stripLeading().startsWith("!"));
            current.append(line);
            if (continues(line) && !comment) {
                current.append('\n');
            } else {
                lines.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the split's piece after the last newline
        }
        return lines;
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
