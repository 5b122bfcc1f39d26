package org.llmrecon.runtime.internal.legacy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.fileinstall.ArtifactTransformer;
import org.osgi.service.component.annotations.Component;

/**
 * Lets File Install deploy a plain (non-OSGi) jar that declares legacy
 * providers: the jar is copied into File Install's temporary folder with a
 * bundle manifest ({@link PlainJarManifest}); File Install installs the copy
 * under the original file's location, so sidecars, updates and removal work
 * as for any bundle. The original file is never written.
 */
@Component(service = ArtifactTransformer.class)
public final class PlainJarTransformer implements ArtifactTransformer {

    @Override
    public boolean canHandle(File artifact) {
        if (!artifact.getName().toLowerCase(Locale.ROOT).endsWith(".jar") || !artifact.isFile()) {
            return false;
        }
        try (JarFile jar = new JarFile(artifact, false)) {
            return isPlainLegacyJar(jar);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** @return whether {@code jar} is no bundle and declares at least one legacy provider */
    static boolean isPlainLegacyJar(JarFile jar) throws IOException {
        Manifest m = jar.getManifest();
        if (m != null && m.getMainAttributes().getValue("Bundle-SymbolicName") != null) {
            return false;
        }
        return m != null && m.getMainAttributes().getValue(LegacyDeclaration.HEADER) != null
                || jar.getEntry(LegacyDeclaration.SERVICES) != null;
    }

    @Override
    public File transform(File artifact, File tmpDir) throws IOException {
        File wrapped = new File(tmpDir, artifact.getName());
        wrap(artifact, wrapped);
        return wrapped;
    }

    /** Writes {@code to}: the entries of {@code from} under a bundle manifest, without signatures it would break. */
    static void wrap(File from, File to) throws IOException {
        try (JarFile jar = new JarFile(from, false);
                OutputStream file = Files.newOutputStream(to.toPath());
                JarOutputStream out = new JarOutputStream(file, PlainJarManifest.of(from.getName(), jar.getManifest()))) {
            Set<String> written = new HashSet<>(Set.of(JarFile.MANIFEST_NAME));
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry e = entries.nextElement();
                String key = e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) ? JarFile.MANIFEST_NAME : e.getName();
                if (isSignature(e.getName()) || !written.add(key)) {
                    continue;
                }
                JarEntry copy = new JarEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream in = jar.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static boolean isSignature(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("META-INF/") && n.indexOf('/', "META-INF/".length()) < 0
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")
                        || n.startsWith("META-INF/SIG-"));
    }
}
