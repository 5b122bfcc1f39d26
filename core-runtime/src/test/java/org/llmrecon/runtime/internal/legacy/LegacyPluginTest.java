package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;


import org.junit.jupiter.api.Test;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.runtime.internal.legacy.LegacyDeclaration.Form;
import org.llmrecon.runtime.internal.legacy.fixture.EchoProvider;
import org.llmrecon.runtime.internal.legacy.fixture.FactoryProvider;
import org.llmrecon.runtime.internal.legacy.fixture.NoConstructorProvider;
import org.llmrecon.runtime.internal.legacy.fixture.NullFactoryProvider;
import org.llmrecon.runtime.internal.legacy.fixture.RefusingProvider;
import org.llmrecon.runtime.internal.legacy.fixture.ThrowingProvider;

class LegacyPluginTest {
    private static final ProviderConfig CONFIG = ProviderConfig.builder("echo").apiKey("sk-secret-1").build();

    private static LegacyPlugin plugin(String type, Class<?> cls, String version) {
        return LegacyPlugin.of(new LegacyDeclaration(Form.CONSTRUCTOR, type, cls.getName(), null), version, cls);
    }

    private static String ask(Provider p, String text) {
        return p.chat(ChatRequest.builder().user(text).build()).text();
    }

    @Test
    void constructorFormGetsDefaultMetadataAndNoValidation() {
        LegacyPlugin p = plugin("echo", EchoProvider.class, null);
        PluginMetadata m = p.getMetadata();
        assertEquals("echo", m.name());
        assertEquals("echo", m.providerType());
        assertEquals("1.0.0", m.version());
        assertDoesNotThrow(() -> p.validateConfig(ProviderConfig.builder("echo").baseUrl("not a url").build()));
        Provider provider = p.createProvider(CONFIG);
        assertSame(CONFIG, provider.config());
        assertEquals("HI", ask(provider, "hi"));
    }

    @Test
    void factoryFormAndTheJarVersion() {
        LegacyPlugin p = plugin("hello", FactoryProvider.class, "2.3.0.beta");
        assertEquals("2.3.0.beta", p.getMetadata().version());
        assertEquals("hello there", ask(p.createProvider(CONFIG), "there"));
    }

    @Test
    void aThrowingConstructorIsOneClearLine() {
        LegacyPlugin p = plugin("boom", ThrowingProvider.class, null);
        assertEquals("boom", p.getMetadata().name());
        ProviderException e = assertThrows(ProviderException.class, () -> p.createProvider(CONFIG));
        assertEquals("legacy provider 'boom' (" + ThrowingProvider.class.getName()
                + "): constructor threw IllegalStateException: no endpoint configured", e.getMessage());
    }

    @Test
    void aProviderExceptionFromTheConstructorPassesThrough() {
        LegacyPlugin p = plugin("refusing", RefusingProvider.class, null);
        ProviderException e = assertThrows(ProviderException.class, () -> p.createProvider(CONFIG));
        assertEquals("echo needs an API key", e.getMessage());
    }

    @Test
    void aFactoryReturningNullIsReported() {
        LegacyPlugin p = plugin("nothing", NullFactoryProvider.class, null);
        ProviderException e = assertThrows(ProviderException.class, () -> p.createProvider(CONFIG));
        assertEquals("legacy provider 'nothing' (" + NullFactoryProvider.class.getName()
                + "): newProvider() returned null", e.getMessage());
    }

    @Test
    void noUsableConstructorFailsEveryCallWithTheReason() {
        LegacyPlugin p = plugin("none", NoConstructorProvider.class, null);
        String reason = "legacy provider 'none' (" + NoConstructorProvider.class.getName() + "): "
                + NoConstructorProvider.class.getName() + " has no public constructor NoConstructorProvider"
                + "(ProviderConfig) of a Provider and no public static Provider newProvider(ProviderConfig)";
        assertEquals(reason, p.failure());
        assertEquals(reason, assertThrows(LegacyPluginException.class, p::getMetadata).getMessage());
        assertEquals(reason, assertThrows(ProviderException.class, () -> p.createProvider(CONFIG)).getMessage());
    }

    @Test
    void aClassThatIsNoProviderHasNoConstructorForm() {
        LegacyPlugin p = plugin("string", String.class, null);
        assertEquals("legacy provider 'string' (java.lang.String): java.lang.String has no public constructor"
                + " String(ProviderConfig) of a Provider and no public static Provider newProvider(ProviderConfig)",
                p.failure());
    }

    @Test
    void secretsStayOutOfMessages() {
        LegacyPlugin p = plugin("boom", ThrowingProvider.class, null);
        ProviderException e = assertThrows(ProviderException.class, () -> p.createProvider(CONFIG));
        assertEquals(-1, e.getMessage().indexOf("sk-secret-1"));
    }
}
