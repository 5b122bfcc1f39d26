package org.llmrecon.runtime.internal.config;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of one target from one Config Admin factory configuration of
 * {@value #PID}, e.g. the file {@code etc/org.llmrecon.provider-local.cfg}
 * delivered by File Install. The target is the {@code target} property, the
 * part of the file name after {@code -}, or else the {@code type} property
 * (a type's default target); its type the {@code type} property, else the
 * target's name. Values stay as stored: secrets may be
 * {@code ENC(...)}.
 */
record EtcSettings(String pid, String target, String type, Map<String, String> values, String origin) {
    /** The factory PID. */
    static final String PID = "org.llmrecon.provider";

    private static final String FILE_NAME = "felix.fileinstall.filename";
    private static final String JSON_FILE = "llmrecon.etc.file";

    static EtcSettings of(String pid, Map<String, Object> properties) {
        Object file = properties.get(FILE_NAME);
        Object json = properties.get(JSON_FILE);
        String origin = file != null ? String.valueOf(file) : json != null ? String.valueOf(json) : pid;
        String target = text(properties.get("target"));
        if (target.isEmpty()) {
            target = targetFromFile(file);
        }
        String type = text(properties.get("type"));
        if (target.isEmpty()) {
            // a configuration made in code with a type alone configures the type's default target
            target = type;
        }
        Map<String, String> v = new TreeMap<>();
        properties.forEach((k, value) -> {
            if (ConfigKeys.known(k) && value != null) {
                v.put(k, text(value));
            }
        });
        return new EtcSettings(pid, target, type.isEmpty() ? null : type, Map.copyOf(v), origin);
    }

    /** @return whether this came from that file */
    boolean from(Path file) {
        return origin.endsWith("/" + file.getFileName()) || origin.equals(file.toString());
    }

    private static String targetFromFile(Object file) {
        if (file == null) {
            return "";
        }
        String name = String.valueOf(file);
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.startsWith(PID + "-") ? name.substring(PID.length() + 1) : "";
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                b.append(i == 0 ? "" : ",").append(Array.get(value, i));
            }
            return b.toString().trim();
        }
        return String.valueOf(value).trim();
    }
}
