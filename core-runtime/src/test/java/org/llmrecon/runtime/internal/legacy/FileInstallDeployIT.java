package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.felix.fileinstall.ArtifactTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.runtime.testing.TestFramework;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The real File Install bundle deploys, updates and removes a plain legacy
 * jar through {@link PlainJarTransformer}, and the {@link LegacyExtender}
 * follows, in a real Felix framework.
 */
class FileInstallDeployIT {
    @TempDir
    Path dir;

    @Test
    void aPlainJarDroppedReplacedAndRemoved() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Map<String, String> fileInstall = Map.of(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                TestFramework.API_FROM_CLASSPATH,
                "felix.fileinstall.dir", plugins.toString(),
                "felix.fileinstall.poll", "50",
                "felix.fileinstall.noInitialDelay", "true",
                "felix.fileinstall.tmpdir", dir.resolve("fileinstall-tmp").toString(),
                "felix.fileinstall.log.level", "0");
        try (TestFramework framework = new TestFramework(dir.resolve("storage"), fileInstall)) {
            BundleContext context = framework.context();
            LegacyExtender extender = new LegacyExtender(context);
            Bundle fileInstallBundle = context.installBundle(Path.of(ArtifactTransformer.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).toUri().toString());
            fileInstallBundle.start();
            context.registerService(ArtifactTransformer.class.getName(), transformerFor(fileInstallBundle), null);

            Path source = TestJars.write(dir.resolve("v1.jar"), Map.of("Implementation-Version", "1.0",
                    LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider")), Map.of());
            byte[] original = Files.readAllBytes(source);
            Path jar = Files.copy(source, plugins.resolve("echo.jar"));
            framework.await(() -> versions(context).equals(Set.of("echo 1.0.0")), "echo 1.0.0 deployed");
            Bundle bundle = context.getBundle(jar.toFile().toURI().normalize().toString());
            assertEquals("legacy.echo", bundle.getSymbolicName());
            assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(jar)), "the dropped file is untouched");

            Path v2 = TestJars.write(dir.resolve("v2.jar"), Map.of("Implementation-Version", "2.0",
                    LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider") + ",hello="
                            + TestJars.fixture("FactoryProvider")), Map.of());
            Files.move(v2, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                    + TimeUnit.SECONDS.toMillis(10)));
            framework.await(() -> versions(context).equals(Set.of("echo 2.0.0", "hello 2.0.0")),
                    "replaced by 2.0.0 with two providers");
            assertEquals(bundle, context.getBundle(jar.toFile().toURI().normalize().toString()),
                    "File Install updated the bundle in place");

            Files.delete(jar);
            framework.await(() -> versions(context).isEmpty() && bundle.getState() == Bundle.UNINSTALLED, "removed");
            extender.deactivate();
        }
    }

    /** File Install sees only its own ArtifactTransformer interface, so it gets a proxy of that one. */
    private static Object transformerFor(Bundle fileInstall) throws ClassNotFoundException {
        PlainJarTransformer transformer = new PlainJarTransformer();
        Class<?> api = fileInstall.loadClass(ArtifactTransformer.class.getName());
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals": return proxy == args[0];
                case "hashCode": return System.identityHashCode(proxy);
                case "toString": return "proxy of " + transformer;
                default: break;
            }
            try {
                return PlainJarTransformer.class.getMethod(method.getName(), method.getParameterTypes())
                        .invoke(transformer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static Set<String> versions(BundleContext context) {
        Set<String> found = new TreeSet<>();
        try {
            for (ServiceReference<PluginInterface> r : context.getServiceReferences(PluginInterface.class,
                    "(llmrecon.legacy=true)")) {
                PluginInterface p = context.getService(r);
                if (p != null) {
                    found.add(p.getMetadata().name() + " " + p.getMetadata().version());
                    context.ungetService(r);
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
