package org.llmrecon.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the faulty jars of the fault matrix: copies of a plugin jar with
 * other manifest headers (the {@code itest-fault-switch-plugin} chooses its
 * faults by the header {@value #FAULTS}), and jars with no manifest at all.
 */
final class FaultJars {
    /** The fault-switch plugin's header naming its faults. */
    static final String FAULTS = "LLMrecon-Test-Fault";

    private FaultJars() {
    }

    /**
     * A copy of the fault-switch plugin as its own bundle.
     *
     * @param target where to write it
     * @param name its Bundle-Name, also its symbolic name's last part and its answers' signature
     * @param type its provider type header, or {@code null} for none
     * @param faults its fault list, or {@code null} for a well-behaved plugin
     * @return the jar
     */
    static Path faultPlugin(Path target, String name, String type, String faults) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "org.llmrecon.itests.fault." + name);
        headers.put("Bundle-Name", name);
        headers.put("LLMrecon-Provider-Type", type);
        headers.put(FAULTS, faults);
        return withHeaders(Bundles.jar("itest-fault-switch-plugin"), target, headers);
    }

    /**
     * @param source a jar
     * @param target where to write the copy
     * @param headers main manifest headers to set; a {@code null} value removes the header
     * @return the copy
     */
    static Path withHeaders(Path source, Path target, Map<String, String> headers) throws IOException {
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach((k, v) -> {
                if (v == null) {
                    main.remove(new Attributes.Name(k));
                } else {
                    main.putValue(k, v);
                }
            });
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                copyEntries(in, out);
            }
        }
        return target;
    }

    /** @return a copy of {@code source} with every entry but its manifest */
    static Path withoutManifest(Path source, Path target) throws IOException {
        try (JarFile in = new JarFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            copyEntries(in, out);
        }
        return target;
    }

    private static void copyEntries(JarFile in, ZipOutputStream out) throws IOException {
        for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
            JarEntry e = entries.nextElement();
            if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || e.getName().equalsIgnoreCase("META-INF/")) {
                continue;
            }
            out.putNextEntry(new ZipEntry(e.getName()));
            if (!e.isDirectory()) {
                try (var data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
            }
            out.closeEntry();
        }
    }

    /** Writes the first {@code length} bytes of {@code source} to {@code out}, for a copy caught half way. */
    static void writePrefix(Path source, OutputStream out, int length) throws IOException {
        byte[] all = Files.readAllBytes(source);
        out.write(all, 0, Math.min(length, all.length));
        out.flush();
    }
}
