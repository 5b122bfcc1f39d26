package org.llmrecon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.llmrecon.bench.plugin.MinimalPlugin;
import org.llmrecon.bench.trivial.MarkerComponent;
import org.llmrecon.bench.trivial.TrivialComponent;

/** Writes the generated bundles of the scale runs with java.util.jar. */
public final class GeneratedBundles {
    private static final String API_IMPORTS =
            "org.llmrecon.api.plugin;version=\"[1.0,2)\",org.llmrecon.api.provider;version=\"[1.0,2)\"";

    private GeneratedBundles() {
    }

    /** A bundle with one immediate DS component publishing {@link Runnable}; imports nothing. */
    public static Path trivial(Path dir, int n) throws IOException {
        String bsn = String.format("bench.trivial.b%04d", n);
        Manifest m = manifest(bsn, "trivial " + n);
        m.getMainAttributes().putValue("Service-Component", "OSGI-INF/component.xml");
        String xml = component(bsn, TrivialComponent.class.getName(), Runnable.class.getName(), null);
        return write(dir.resolve(bsn + ".jar"), m, xml, TrivialComponent.class);
    }

    /**
     * A bundle with one immediate DS component that marks its activation and deactivation with files in
     * {@code markers} ({@link MarkerComponent}); imports nothing.
     */
    public static Path marker(Path dir, String name, Path markers) throws IOException {
        Manifest m = manifest(name, "marker " + name);
        m.getMainAttributes().putValue("Service-Component", "OSGI-INF/component.xml");
        String xml = component(name, MarkerComponent.class.getName(), Runnable.class.getName(),
                "<property name=\"" + MarkerComponent.DIR + "\" value=\"" + markers.toAbsolutePath() + "\"/>")
                .replace("activate=\"activate\"", "activate=\"activate\" deactivate=\"deactivate\"");
        return write(dir.resolve(name + ".jar"), m, xml, MarkerComponent.class);
    }

    /** A provider plugin of type {@code benchNNNN} with its own symbolic name. */
    public static Path plugin(Path dir, int n) throws IOException {
        String type = type(n);
        String bsn = "bench.plugin." + type;
        Manifest m = manifest(bsn, "bench " + type);
        Attributes a = m.getMainAttributes();
        a.putValue("Service-Component", "OSGI-INF/component.xml");
        a.putValue("Import-Package", API_IMPORTS);
        a.putValue("LLMrecon-Provider-Type", type);
        a.putValue("LLMrecon-Models", "echo");
        String xml = component(bsn, MinimalPlugin.class.getName(), "org.llmrecon.api.plugin.PluginInterface",
                "<property name=\"" + MinimalPlugin.TYPE_PROPERTY + "\" value=\"" + type + "\"/>");
        return write(dir.resolve(bsn + ".jar"), m, xml, MinimalPlugin.class,
                loadClass("org.llmrecon.bench.plugin.MinimalProvider"));
    }

    public static String type(int n) {
        return String.format("bench%04d", n);
    }

    private static Manifest manifest(String bsn, String name) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Name", name);
        a.putValue("Bundle-Version", "1.0.0");
        return m;
    }

    private static String component(String name, String impl, String service, String property) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name
                + "\" immediate=\"true\" activate=\"activate\">\n"
                + (property == null ? "" : "  " + property + "\n")
                + "  <implementation class=\"" + impl + "\"/>\n"
                + "  <service><provide interface=\"" + service + "\"/></service>\n"
                + "</scr:component>\n";
    }

    private static Path write(Path jar, Manifest m, String componentXml, Class<?>... classes) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("OSGI-INF/component.xml"));
            j.write(componentXml.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, GeneratedBundles.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
