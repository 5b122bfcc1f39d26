package org.llmrecon.runtime.internal.legacy;

import org.llmrecon.api.plugin.PluginInterface;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;

/**
 * Adapts a legacy provider (a type and a constructor, nothing else) to
 * {@link PluginInterface}, as the seed's loader did: default metadata
 * (name = type, the jar's version or 1.0.0) and no configuration
 * validation. A declaration that cannot be used is still published, so the
 * runtime lists it: its {@link #getMetadata()} fails with the reason.
 */
final class LegacyPlugin implements PluginInterface {
    static final String DEFAULT_VERSION = "1.0.0";

    private final LegacyDeclaration declaration;
    private final String version;
    private final LegacyConstructor constructor;
    private final String failure;

    private LegacyPlugin(LegacyDeclaration declaration, String version, LegacyConstructor constructor,
            String failure) {
        this.declaration = declaration;
        this.version = version;
        this.constructor = constructor;
        this.failure = failure;
    }

    /**
     * @param declaration a {@link LegacyDeclaration.Form#CONSTRUCTOR} declaration
     * @param version the jar's version, or {@code null} for {@value #DEFAULT_VERSION}
     * @param cls the declared class
     * @return the adapter, or an unusable one naming why the class offers no constructor
     */
    static LegacyPlugin of(LegacyDeclaration declaration, String version, Class<?> cls) {
        try {
            return new LegacyPlugin(declaration, version, LegacyConstructor.find(declaration.describe(), cls), null);
        } catch (LegacyPluginException e) {
            return unusable(declaration, version, e.getMessage());
        }
    }

    /** @return an adapter whose every call fails with {@code reason} */
    static LegacyPlugin unusable(LegacyDeclaration declaration, String version, String reason) {
        return new LegacyPlugin(declaration, version, null, reason);
    }

    String failure() {
        return failure;
    }

    @Override
    public PluginMetadata getMetadata() {
        if (failure != null) {
            throw new LegacyPluginException(failure);
        }
        return defaults(declaration, version);
    }

    /** @return the seed's default metadata for a legacy provider: name = type, the jar's version or 1.0.0 */
    static PluginMetadata defaults(LegacyDeclaration declaration, String version) {
        return PluginMetadata.builder().name(declaration.type())
                .version(version == null ? DEFAULT_VERSION : version).providerType(declaration.type())
                .description("legacy provider " + declaration.className() + ", adapted by the runtime").build();
    }

    @Override
    public Provider createProvider(ProviderConfig config) {
        if (failure != null) {
            throw new ProviderException(failure);
        }
        return constructor.create(config);
    }

    @Override
    public void validateConfig(ProviderConfig config) {
        // the seed's legacy plugins have no validation; a bad configuration fails in the constructor
    }

    @Override
    public String toString() {
        return declaration.describe();
    }
}
