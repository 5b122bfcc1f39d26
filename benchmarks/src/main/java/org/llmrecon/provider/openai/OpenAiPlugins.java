package org.llmrecon.provider.openai;

import org.llmrecon.api.plugin.PluginInterface;

/** Creates the OpenAI plugin outside OSGi (its public constructor wants a BundleContext for the version). */
public final class OpenAiPlugins {
    private OpenAiPlugins() {
    }

    public static PluginInterface plugin() {
        return new OpenAiPlugin("1.0.0");
    }
}
