package org.llmrecon.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The bundles embedded in the launcher under {@code llmrecon/bundles/}: exactly
 * the {@code -runbundles} of {@code bndrun/runtime.bndrun}, exported by bnd at
 * build time; and under {@code llmrecon/gateway/} those of
 * {@code bndrun/gateway.bndrun} that the runtime's set does not hold, read only
 * when the HTTP gateway is asked for. The core-api bundle is not installed: the
 * system bundle exports its packages from the launcher's class path, so the
 * embedding program and the plugins share one copy of the API classes.
 */
final class RuntimeBundles {
    static final String FOLDER = "llmrecon/bundles/";
    static final String GATEWAY_FOLDER = "llmrecon/gateway/";
    static final String API_BSN = "org.llmrecon.core-api";

    record Embedded(String name, Manifest manifest) {
        String symbolicName() {
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? "" : bsn.split(";")[0].trim();
        }

        String header(String name) {
            return manifest.getMainAttributes().getValue(name);
        }
    }

    private final List<Embedded> bundles;

    private RuntimeBundles(List<Embedded> bundles) {
        this.bundles = bundles;
    }

    /**
     * @param gateway whether to add the HTTP gateway's bundles
     * @return the embedded bundles
     */
    static RuntimeBundles embedded(boolean gateway) {
        List<String> folders = gateway ? List.of(FOLDER, GATEWAY_FOLDER) : List.of(FOLDER);
        Path source;
        try {
            source = Path.of(RuntimeBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher's own jar: " + e.getMessage(), e);
        }
        List<Embedded> found = new ArrayList<>();
        try {
            if (Files.isDirectory(source)) {
                for (String name : folders) {
                    Path folder = source.resolve(name);
                    if (Files.isDirectory(folder)) {
                        try (Stream<Path> files = Files.list(folder)) {
                            for (Path f : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                                try (InputStream in = Files.newInputStream(f)) {
                                    found.add(new Embedded(name + f.getFileName(), manifest(in, f.toString())));
                                }
                            }
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        JarEntry entry = e.nextElement();
                        String name = entry.getName();
                        if (name.endsWith(".jar") && folders.stream().anyMatch(f -> name.startsWith(f)
                                && name.indexOf('/', f.length()) < 0)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                found.add(new Embedded(name, manifest(in, name)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded bundles: " + e.getMessage(), e);
        }
        for (String folder : folders) {
            if (found.stream().noneMatch(b -> b.name().startsWith(folder))) {
                throw new IllegalStateException("no bundles embedded under " + folder + " in " + source);
            }
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return new RuntimeBundles(List.copyOf(found));
    }

    /**
     * @return the bundles to install, in the order they start: all but the API, which the system bundle exports;
     *         the Log Service first, then extenders (SPI Fly, SCR), then providers that an extender registers
     *         (the SLF4J binding), then the rest, so Jetty finds its SLF4J binding and SPI Fly logs to the Log
     *         Service instead of the console
     */
    List<Embedded> toInstall() {
        return bundles.stream().filter(b -> !b.symbolicName().equals(API_BSN))
                .sorted(Comparator.comparingInt(RuntimeBundles::startRank)).toList();
    }

    private static int startRank(Embedded b) {
        String provided = String.valueOf(b.header("Provide-Capability"));
        if (b.symbolicName().equals("org.apache.felix.log")) {
            return 0;
        }
        if (provided.contains("osgi.extender=")) {
            return 1;
        }
        return provided.contains("osgi.serviceloader=\"org.slf4j.spi.SLF4JServiceProvider\"") ? 2 : 3;
    }

    /** @return the API bundle's {@code Export-Package}, for {@code org.osgi.framework.system.packages.extra} */
    String apiExports() {
        return api().header("Export-Package");
    }

    /** @return the API bundle's version without qualifier, the running framework version */
    String apiVersion() {
        String[] v = api().header("Bundle-Version").split("\\.");
        return v[0] + "." + (v.length > 1 ? v[1] : "0") + "." + (v.length > 2 ? v[2] : "0");
    }

    InputStream open(Embedded bundle) {
        InputStream in = RuntimeBundles.class.getClassLoader().getResourceAsStream(bundle.name());
        if (in == null) {
            throw new IllegalStateException("embedded bundle " + bundle.name() + " cannot be read");
        }
        return in;
    }

    private Embedded api() {
        return bundles.stream().filter(b -> b.symbolicName().equals(API_BSN)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the API bundle " + API_BSN + " is not embedded"));
    }

    private static Manifest manifest(InputStream in, String name) throws IOException {
        try (JarInputStream jar = new JarInputStream(in)) {
            Manifest m = jar.getManifest();
            if (m == null || m.getMainAttributes().getValue(Attributes.Name.MANIFEST_VERSION) == null
                    && m.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                throw new IOException(name + " has no manifest");
            }
            return m;
        }
    }
}
