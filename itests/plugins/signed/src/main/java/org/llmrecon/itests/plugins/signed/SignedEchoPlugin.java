package org.llmrecon.itests.plugins.signed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A test plugin whose activation leaves a mark (a system property named
 * after its bundle's location), so a test can tell that its code never ran.
 * It answers with the text of {@code greeting.txt}, the entry tests tamper with.
 */
@Component(service = PluginInterface.class, immediate = true)
public final class SignedEchoPlugin implements PluginInterface {
    /** Prefix of the system property set when the component activates; the bundle location follows. */
    public static final String ACTIVATED = "itest.trust.activated:";

    private final String signature;

    /** @param context this bundle's context */
    @Activate
    public SignedEchoPlugin(BundleContext context) {
        System.setProperty(ACTIVATED + context.getBundle().getLocation(), "true");
        try (InputStream in = SignedEchoPlugin.class.getResourceAsStream("greeting.txt")) {
            signature = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PluginMetadata getMetadata() {
        return PluginMetadata.builder().providerType("signed-echo").build();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        return new Answering(config, signature);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // any configuration will do for a provider that only echoes
    }

    static final class Answering extends EchoingProvider {
        Answering(ProviderConfig config, String signature) {
            super(config, signature);
        }
    }
}
