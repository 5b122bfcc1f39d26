package org.llmrecon.runtime.internal.legacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One legacy provider a jar declares: either a provider type with the class
 * holding its constructor (the {@value #HEADER} manifest header), or a
 * {@code PluginInterface} class listed in the ServiceLoader file
 * {@value #SERVICES}. {@code problem} is set when the declaration itself is
 * malformed.
 */
record LegacyDeclaration(Form form, String type, String className, String problem) {
    /** Manifest header: {@code <type>=<class>}, several separated by commas. */
    static final String HEADER = "LLMrecon-Legacy-Provider";
    /** ServiceLoader registration of {@code PluginInterface} classes with a public no-argument constructor. */
    static final String SERVICES = "META-INF/services/org.llmrecon.api.plugin.PluginInterface";

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern CLASS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    enum Form {
        /** A provider type and a constructor, nothing else: adapted with default metadata. */
        CONSTRUCTOR,
        /** A ServiceLoader-registered {@code PluginInterface}: published as it is. */
        SERVICE_LOADER
    }

    /** @return what this declaration is, for messages, e.g. {@code legacy provider 'echo' (com.example.Echo)} */
    String describe() {
        return form == Form.CONSTRUCTOR ? "legacy provider '" + type + "' (" + className + ")"
                : "ServiceLoader plugin " + className;
    }

    /** @param header the value of {@value #HEADER}, or {@code null} @return its declarations, in order */
    static List<LegacyDeclaration> parseHeader(String header) {
        List<LegacyDeclaration> declarations = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return declarations;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String clause : header.split(",")) {
            String c = clause.trim();
            int eq = c.indexOf('=');
            String type = eq < 0 ? c : c.substring(0, eq).trim();
            String cls = eq < 0 ? "" : c.substring(eq + 1).trim();
            String problem = null;
            if (c.isEmpty()) {
                continue;
            } else if (eq < 0 || cls.isEmpty()) {
                problem = HEADER + " entry '" + c + "' is not <type>=<fully.qualified.Class>";
            } else if (!TYPE.matcher(type).matches()) {
                problem = HEADER + " entry '" + c + "': provider type '" + type
                        + "' does not match [a-z0-9][a-z0-9._-]{0,63}";
            } else if (!CLASS.matcher(cls).matches()) {
                problem = HEADER + " entry '" + c + "': '" + cls + "' is not a class name";
            } else if (!types.add(type)) {
                problem = HEADER + " declares provider type '" + type + "' more than once";
            }
            declarations.add(new LegacyDeclaration(Form.CONSTRUCTOR, type, cls, problem));
        }
        return declarations;
    }

    /** @param services the text of {@value #SERVICES} @return its declarations, in order */
    static List<LegacyDeclaration> parseServices(String services) {
        Set<String> classes = new LinkedHashSet<>();
        List<LegacyDeclaration> declarations = new ArrayList<>();
        for (String line : services.split("\\R")) {
            int hash = line.indexOf('#');
            String cls = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (cls.isEmpty() || !classes.add(cls)) {
                continue;
            }
            String problem = CLASS.matcher(cls).matches() ? null : SERVICES + ": '" + cls + "' is not a class name";
            declarations.add(new LegacyDeclaration(Form.SERVICE_LOADER, null, cls, problem));
        }
        return declarations;
    }
}
