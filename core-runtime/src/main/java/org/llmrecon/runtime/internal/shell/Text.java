package org.llmrecon.runtime.internal.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Small text helpers shared by the commands: one-line cells, durations, JSON. */
final class Text {
    private Text() {
    }

    /** Databind is loaded by the first command that writes JSON, not by every command. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Control characters (a plugin's metadata is untrusted) become spaces, so a cell stays on its line. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return b.toString();
    }

    /**
     * @return the width of the terminal the running command writes to (the shell sets the session variable
     *         {@code COLUMNS} in a terminal), or 0 when it writes to a pipe, a file or a program
     */
    static int columns() {
        Job job = Job.Utils.current();
        Object columns = job == null ? null : job.session().get("COLUMNS");
        return columns instanceof Integer c ? c : 0;
    }

    static String millis(Duration d) {
        return d == null ? "-" : d.toMillis() + "ms";
    }

    static String list(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String keyValues(Map<String, ?> values) {
        int width = values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isEmpty())
                .mapToInt(e -> e.getKey().length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (v != null && !v.toString().isEmpty()) {
                b.append(String.format("%-" + width + "s  %s\n", k, clean(v.toString())));
            }
        });
        return b.toString().stripTrailing();
    }
}
