package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.runtime.internal.legacy.fixture.EchoProvider;
import org.llmrecon.runtime.testing.TestFramework;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Plain and OSGi legacy jars in a real Felix framework whose system bundle
 * exports the API from the test's class path, so the test can call the
 * adapted plugins; the jars' own classes come from their bundles.
 */
class LegacyExtenderFrameworkIT {
    private static final ProviderConfig CONFIG = ProviderConfig.builder("echo").apiKey("sk-test").build();

    @TempDir
    Path dir;
    private TestFramework framework;
    private BundleContext context;
    private LegacyExtender extender;

    @BeforeEach
    void start() throws Exception {
        framework = new TestFramework(dir.resolve("storage"), TestFramework.API_FROM_CLASSPATH);
        context = framework.context();
        extender = new LegacyExtender(context);
    }

    @AfterEach
    void stop() throws Exception {
        extender.deactivate();
        framework.close();
    }

    private Bundle installWrapped(Path jar) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path wrapped = new PlainJarTransformer().transform(jar.toFile(), tmp.toFile()).toPath();
        try (InputStream in = Files.newInputStream(wrapped)) {
            return context.installBundle(jar.toUri().toString(), in);
        }
    }

    private Map<String, ServiceReference<PluginInterface>> legacyServices() throws InvalidSyntaxException {
        Map<String, ServiceReference<PluginInterface>> byClass = new HashMap<>();
        for (ServiceReference<PluginInterface> r : context.getServiceReferences(PluginInterface.class,
                "(llmrecon.legacy=true)")) {
            byClass.put(String.valueOf(r.getProperty(LegacyExtender.DECLARED_CLASS)), r);
        }
        return byClass;
    }

    private PluginInterface plugin(Map<String, ServiceReference<PluginInterface>> refs, String simpleName) {
        return context.getService(refs.get(TestJars.fixture(simpleName)));
    }

    @Test
    void aPlainJarIsWrappedAndEachDeclarationBecomesAPlugin() throws Exception {
        Path jar = TestJars.write(dir.resolve("echo-legacy.jar"), Map.of("Implementation-Version", "1.2",
                LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider") + ", hello="
                        + TestJars.fixture("FactoryProvider") + ", none=" + TestJars.fixture("NoConstructorProvider")
                        + ", gone=com.example.Missing"),
                Map.of(LegacyDeclaration.SERVICES, TestJars.fixture("EchoPlugin") + "\n"
                        + TestJars.fixture("ThrowingPlugin") + "\n"));
        Bundle bundle = installWrapped(jar);
        bundle.start();

        Map<String, ServiceReference<PluginInterface>> refs = legacyServices();
        assertEquals(6, refs.size(), refs.keySet().toString());
        for (ServiceReference<PluginInterface> r : refs.values()) {
            assertSame(bundle, r.getBundle(), "published from the legacy bundle's own context");
            assertEquals(-1, r.getProperty(Constants.SERVICE_RANKING));
        }
        assertEquals(jar.toUri().toString(), bundle.getLocation(), "the sidecar beside the original jar applies");
        assertEquals(0, TestFramework.exporterOf(bundle, "org.llmrecon.api.provider").getBundleId());

        PluginInterface echo = plugin(refs, "EchoProvider");
        assertEquals("echo", echo.getMetadata().name());
        assertEquals("1.2.0", echo.getMetadata().version());
        Provider provider = echo.createProvider(CONFIG);
        assertNotSame(EchoProvider.class, provider.getClass(), "the class comes from the wrapped jar");
        assertEquals("HI", provider.chat(ChatRequest.builder().user("hi").build()).text());
        assertEquals("hello you",
                plugin(refs, "FactoryProvider").createProvider(CONFIG).chat(ChatRequest.builder().user("you").build())
                        .text());
        assertEquals("echo-sl", plugin(refs, "EchoPlugin").getMetadata().providerType());

        assertTrue(assertThrows(LegacyPluginException.class, plugin(refs, "NoConstructorProvider")::getMetadata)
                .getMessage().contains("has no public constructor NoConstructorProvider(ProviderConfig)"));
        PluginInterface gone = context.getService(refs.get("com.example.Missing"));
        assertEquals("legacy provider 'gone' (com.example.Missing): class cannot be loaded (ClassNotFoundException: "
                + "com.example.Missing not found by legacy.echo-legacy [" + bundle.getBundleId() + "])",
                assertThrows(LegacyPluginException.class, gone::getMetadata).getMessage());
        assertEquals("ServiceLoader plugin " + TestJars.fixture("ThrowingPlugin")
                + ": constructor threw IllegalStateException: cannot start",
                assertThrows(LegacyPluginException.class, plugin(refs, "ThrowingPlugin")::getMetadata).getMessage());

        bundle.stop();
        assertTrue(legacyServices().isEmpty(), "the adapters go when the bundle stops");
        bundle.start();
        assertEquals(6, legacyServices().size());
        extender.deactivate();
        assertTrue(legacyServices().isEmpty(), "and when the extender goes");
    }

    @Test
    void aLegacyBundleIsAdaptedWithItsVersionAndDsBundlesKeepTheirServicesFile() throws Exception {
        Path legacy = TestJars.write(dir.resolve("legacy-bundle.jar"), Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "com.example.legacy", "Bundle-Version", "3.0.1",
                "Import-Package", "org.llmrecon.api.provider;version=\"[1.0,2)\"",
                LegacyDeclaration.HEADER, "echo=" + TestJars.fixture("EchoProvider")), Map.of());
        Path ds = TestJars.write(dir.resolve("ds-bundle.jar"), Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "com.example.ds", "Service-Component", "OSGI-INF/c.xml",
                "Import-Package", "org.llmrecon.api.plugin,org.llmrecon.api.provider"),
                Map.of(LegacyDeclaration.SERVICES, TestJars.fixture("EchoPlugin")));
        Bundle bundle = context.installBundle(legacy.toUri().toString());
        context.installBundle(ds.toUri().toString()).start();
        bundle.start();

        Map<String, ServiceReference<PluginInterface>> refs = legacyServices();
        assertEquals(1, refs.size(), refs.keySet().toString());
        PluginInterface echo = plugin(refs, "EchoProvider");
        assertEquals("3.0.1", echo.getMetadata().version());
        assertEquals("echo", echo.createProvider(CONFIG).type());
        bundle.uninstall();
        assertFalse(legacyServices().containsKey(TestJars.fixture("EchoProvider")));
    }
}
