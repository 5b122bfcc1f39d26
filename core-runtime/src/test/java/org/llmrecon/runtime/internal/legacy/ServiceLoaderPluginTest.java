package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.runtime.internal.legacy.LegacyDeclaration.Form;
import org.llmrecon.runtime.internal.legacy.fixture.EchoPlugin;
import org.llmrecon.runtime.internal.legacy.fixture.EchoProvider;
import org.llmrecon.runtime.internal.legacy.fixture.ThrowingPlugin;

class ServiceLoaderPluginTest {

    private static ServiceLoaderPlugin plugin(Class<?> cls) {
        return ServiceLoaderPlugin.of(new LegacyDeclaration(Form.SERVICE_LOADER, null, cls.getName(), null), cls);
    }

    @Test
    void instantiatedOnFirstUseThenDelegatesEverything() {
        int before = EchoPlugin.INSTANCES.get();
        ServiceLoaderPlugin p = plugin(EchoPlugin.class);
        assertEquals(before, EchoPlugin.INSTANCES.get());
        assertEquals("echo-sl", p.getMetadata().providerType());
        assertEquals("2.1.0", p.getMetadata().version());
        assertEquals(before + 1, EchoPlugin.INSTANCES.get());
        assertThrows(InvalidConfigException.class,
                () -> p.validateConfig(ProviderConfig.builder("echo-sl").baseUrl("ftp://x").build()));
        assertEquals("echo-sl", p.createProvider(ProviderConfig.builder("echo-sl").build()).type());
    }

    @Test
    void aThrowingConstructorIsReportedAndNotRetried() {
        int before = ThrowingPlugin.ATTEMPTS.get();
        ServiceLoaderPlugin p = plugin(ThrowingPlugin.class);
        String reason = "ServiceLoader plugin " + ThrowingPlugin.class.getName()
                + ": constructor threw IllegalStateException: cannot start";
        assertEquals(reason, assertThrows(LegacyPluginException.class, p::getMetadata).getMessage());
        assertEquals(reason, assertThrows(LegacyPluginException.class,
                () -> p.createProvider(ProviderConfig.builder("x").build())).getMessage());
        assertEquals(before + 1, ThrowingPlugin.ATTEMPTS.get());
    }

    @Test
    void onlyPublicPluginInterfaceClassesWithANoArgumentConstructor() {
        assertEquals("ServiceLoader plugin " + EchoProvider.class.getName()
                + " does not implement org.llmrecon.api.plugin.PluginInterface (or imports it from elsewhere than"
                + " core-api)", assertThrows(LegacyPluginException.class, () -> plugin(EchoProvider.class))
                        .getMessage());
        assertEquals("ServiceLoader plugin " + NoDefaultConstructor.class.getName()
                + " has no public no-argument constructor",
                assertThrows(LegacyPluginException.class, () -> plugin(NoDefaultConstructor.class)).getMessage());
    }

    public static final class NoDefaultConstructor implements PluginInterface {
        public NoDefaultConstructor(String name) {
        }

        @Override public PluginMetadata getMetadata() { return PluginMetadata.EMPTY; }
        @Override public Provider createProvider(ProviderConfig config) { return null; }
        @Override public void validateConfig(ProviderConfig config) { }
    }
}
