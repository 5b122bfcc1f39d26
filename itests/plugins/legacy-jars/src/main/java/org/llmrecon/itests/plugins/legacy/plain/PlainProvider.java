package org.llmrecon.itests.plugins.legacy.plain;

import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.itests.probe.EchoingProvider;

/**
 * A legacy provider in the constructor form: a public class with a public
 * {@code (ProviderConfig)} constructor, nothing else. It answers
 * {@code "legacy <type> <jar version>: <prompt>"}, the version being the
 * {@code Implementation-Version} of the jar it was loaded from, so a test
 * can tell which of the jars built from this class served a call.
 */
public class PlainProvider extends EchoingProvider {

    /** @param config the configuration */
    public PlainProvider(ProviderConfig config) {
        super(config, "legacy " + config.type() + " " + PlainProvider.class.getPackage().getImplementationVersion());
    }
}
