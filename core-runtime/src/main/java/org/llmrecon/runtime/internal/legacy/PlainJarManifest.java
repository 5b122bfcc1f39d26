package org.llmrecon.runtime.internal.legacy;

import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle manifest given to a plain (non-OSGi) jar: a symbolic name
 * from the file name, the version from {@code Implementation-Version} when
 * it reads as a version, static imports of the API packages (so the
 * provider classes share core-api's classes and the resolver checks the
 * API version) and a dynamic import for whatever else the jar uses. The
 * jar's own main attributes are kept, so it can carry {@code LLMrecon-*}
 * metadata headers.
 */
final class PlainJarManifest {
    static final String SYMBOLIC_NAME_PREFIX = "legacy.";
    static final String API_IMPORTS = "org.llmrecon.api.plugin;version=\"[1.0,2)\","
            + "org.llmrecon.api.provider;version=\"[1.0,2)\"";
    /** Names the original file in the bundle, for people reading its headers. */
    static final String WRAPPED = "LLMrecon-Wrapped-Jar";

    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:[.-](.+))?");

    private PlainJarManifest() {
    }

    /**
     * @param fileName the jar's file name
     * @param original its manifest, or {@code null} when it has none
     * @return the bundle manifest
     */
    static Manifest of(String fileName, Manifest original) {
        Manifest m = new Manifest();
        Attributes main = m.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (original != null) {
            for (Map.Entry<Object, Object> e : original.getMainAttributes().entrySet()) {
                if (!isOsgiHeader(e.getKey().toString())) {
                    main.put(e.getKey(), e.getValue());
                }
            }
        }
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName(fileName));
        String version = version(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
        if (version != null) {
            main.putValue("Bundle-Version", version);
        }
        main.putValue("Bundle-ClassPath", ".");
        main.putValue("Import-Package", API_IMPORTS);
        main.putValue("DynamicImport-Package", "*");
        main.putValue(WRAPPED, fileName);
        return m;
    }

    static String symbolicName(String fileName) {
        String stem = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
        String clean = stem.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("\\.{2,}", ".").replaceAll("^\\.|\\.$", "");
        return SYMBOLIC_NAME_PREFIX + (clean.isEmpty() ? "jar" : clean);
    }

    /** @return an OSGi version for {@code implementationVersion}, e.g. 1.2-SNAPSHOT to 1.2.0.SNAPSHOT, or {@code null} */
    static String version(String implementationVersion) {
        if (implementationVersion == null) {
            return null;
        }
        Matcher v = VERSION.matcher(implementationVersion.trim());
        if (!v.matches()) {
            return null;
        }
        String qualifier = v.group(4) == null ? "" : "." + v.group(4).replaceAll("[^A-Za-z0-9_-]", "_");
        return Integer.parseInt(v.group(1)) + "." + (v.group(2) == null ? 0 : Integer.parseInt(v.group(2))) + "."
                + (v.group(3) == null ? 0 : Integer.parseInt(v.group(3))) + qualifier;
    }

    private static boolean isOsgiHeader(String name) {
        return name.startsWith("Bundle-") || name.endsWith("-Package") || name.startsWith("Require-")
                || name.startsWith("Provide-") || name.equals("Fragment-Host") || name.equals("Export-Service")
                || name.equals("Import-Service") || name.equals("Service-Component")
                || name.equals(Attributes.Name.MANIFEST_VERSION.toString());
    }
}
