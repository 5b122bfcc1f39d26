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
import java.util.function.Supplier;

import org.apache.felix.fileinstall.ArtifactTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.plugin.PluginInterface;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * The real File Install bundle deploys, updates and removes a plain legacy
 * jar through {@link PlainJarTransformer}, and the {@link LegacyExtender}
 * follows, in a real Felix framework.
 */
class FileInstallDeployTest {
    @TempDir
    Path dir;

    @Test
    void aPlainJarDroppedReplacedAndRemoved() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        System.setProperty("felix.fileinstall.dir", plugins.toString());
        System.setProperty("felix.fileinstall.poll", "50");
        System.setProperty("felix.fileinstall.noInitialDelay", "true");
        System.setProperty("felix.fileinstall.tmpdir", dir.resolve("fileinstall-tmp").toString());
        System.setProperty("felix.fileinstall.log.level", "0");
        try (TestFramework framework = new TestFramework(dir.resolve("storage"), TestFramework.API_FROM_CLASSPATH)) {
            BundleContext context = framework.context();
            Object changes = new Object();
            ServiceListener serviceChange = e -> notifyAll(changes);
            BundleListener bundleChange = e -> notifyAll(changes);
            context.addServiceListener(serviceChange);
            context.addBundleListener(bundleChange);
            LegacyExtender extender = new LegacyExtender(context);
            Bundle fileInstall = context.installBundle(Path.of(ArtifactTransformer.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).toUri().toString());
            fileInstall.start();
            context.registerService(ArtifactTransformer.class.getName(), transformerFor(fileInstall), null);

            Path source = TestJars.write(dir.resolve("v1.jar"), Map.of("Implementation-Version", "1.0",
                    LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider")), Map.of());
            byte[] original = Files.readAllBytes(source);
            Path jar = Files.copy(source, plugins.resolve("echo.jar"));
            await(changes, () -> versions(context).equals(Set.of("echo 1.0.0")), "echo 1.0.0 deployed");
            Bundle bundle = context.getBundle(jar.toFile().toURI().normalize().toString());
            assertEquals("legacy.echo", bundle.getSymbolicName());
            assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(jar)), "the dropped file is untouched");

            Path v2 = TestJars.write(dir.resolve("v2.jar"), Map.of("Implementation-Version", "2.0",
                    LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider") + ",hello="
                            + TestJars.fixture("FactoryProvider")), Map.of());
            Files.move(v2, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                    + TimeUnit.SECONDS.toMillis(10)));
            await(changes, () -> versions(context).equals(Set.of("echo 2.0.0", "hello 2.0.0")),
                    "replaced by 2.0.0 with two providers");
            assertEquals(bundle, context.getBundle(jar.toFile().toURI().normalize().toString()),
                    "File Install updated the bundle in place");

            Files.delete(jar);
            await(changes, () -> versions(context).isEmpty() && bundle.getState() == Bundle.UNINSTALLED, "removed");
            extender.deactivate();
        } finally {
            for (String p : new String[] {"dir", "poll", "noInitialDelay", "tmpdir", "log.level"}) {
                System.clearProperty("felix.fileinstall." + p);
            }
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

    private static void notifyAll(Object monitor) {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private static void await(Object monitor, Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (monitor) {
            while (!condition.get()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("not " + what + " within 30 s");
                }
                monitor.wait(Math.min(left, 100));
            }
        }
    }
}
