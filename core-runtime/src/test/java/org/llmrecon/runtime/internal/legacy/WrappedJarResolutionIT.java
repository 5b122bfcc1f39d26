package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.runtime.testing.TestFramework;
import org.llmrecon.testing.GarbageCollection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWiring;

/** A wrapped plain jar against the real core-api bundle in a real Felix framework. */
class WrappedJarResolutionIT {
    @TempDir
    Path dir;

    private Bundle installWrapped(BundleContext context) throws Exception {
        Path jar = TestJars.write(dir.resolve("echo.jar"),
                Map.of(LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider")), Map.of());
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path wrapped = new PlainJarTransformer().transform(jar.toFile(), tmp.toFile()).toPath();
        try (InputStream in = Files.newInputStream(wrapped)) {
            return context.installBundle(jar.toUri().toString(), in);
        }
    }

    private static Bundle installCoreApi(BundleContext context) throws Exception {
        Path api = Path.of(PluginInterface.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return context.installBundle("reference:" + api.toUri());
    }

    @Test
    void providerClassesShareCoreApisClasses() throws Exception {
        try (TestFramework framework = new TestFramework(dir.resolve("storage"), Map.of())) {
            Bundle api = installCoreApi(framework.context());
            Bundle bundle = installWrapped(framework.context());
            assertTrue(framework.resolve(bundle));
            assertSame(api, TestFramework.exporterOf(bundle, "org.llmrecon.api.provider"));
            assertSame(api, TestFramework.exporterOf(bundle, "org.llmrecon.api.plugin"));
            Class<?> provider = bundle.loadClass(TestJars.fixture("EchoProvider"));
            assertSame(bundle.adapt(BundleWiring.class).getClassLoader(), provider.getClassLoader());
            assertSame(api.adapt(BundleWiring.class).getClassLoader(), provider.getInterfaces()[0].getClassLoader());
        }
    }

    @Test
    void anApiOutsideTheRangeDoesNotResolveAndSaysWhy() throws Exception {
        try (TestFramework framework = new TestFramework(dir.resolve("storage"),
                "org.llmrecon.api.plugin;version=2.0.0,org.llmrecon.api.provider;version=2.0.0")) {
            Bundle bundle = installWrapped(framework.context());
            assertFalse(framework.resolve(bundle));
            BundleException e = assertThrows(BundleException.class, bundle::start);
            assertTrue(e.getMessage().contains("org.llmrecon.api"), e.getMessage());
        }
    }

    @Test
    void uninstallAndRefreshReleaseTheWrappedJarsClassLoader() throws Exception {
        try (TestFramework framework = new TestFramework(dir.resolve("storage"), TestFramework.API_FROM_CLASSPATH)) {
            Bundle bundle = installWrapped(framework.context());
            WeakReference<ClassLoader> loader = useAndForget(framework.context(), bundle);
            bundle.uninstall();
            framework.refresh(bundle);
            GarbageCollection.untilCleared(List.of(loader), 20);
            assertNull(loader.get(), "the wrapped jar's class loader is still reachable");
        }
    }

    private static WeakReference<ClassLoader> useAndForget(BundleContext context, Bundle bundle) throws Exception {
        LegacyExtender extender = new LegacyExtender(context);
        try {
            bundle.start();
            var ref = context.getServiceReferences(PluginInterface.class, "(llmrecon.legacy=true)").iterator().next();
            PluginInterface plugin = context.getService(ref);
            var provider = plugin.createProvider(org.llmrecon.api.provider.ProviderConfig.builder("echo").build());
            provider.close();
            context.ungetService(ref);
            return new WeakReference<>(provider.getClass().getClassLoader());
        } finally {
            extender.deactivate();
        }
    }
}
