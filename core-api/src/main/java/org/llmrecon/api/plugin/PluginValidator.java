package org.llmrecon.api.plugin;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a plugin's effective metadata. The runtime applies its own
 * validator (names, versions, framework range) and then every
 * {@code PluginValidator} registered as an OSGi service.
 *
 * @since 1.0.0
 */
@ConsumerType
public interface PluginValidator {

    /**
     * @param metadata the plugin's effective metadata
     * @param frameworkVersion the running framework version
     * @return the problems found, each a one-line reason; empty when valid
     */
    List<String> validate(PluginMetadata metadata, String frameworkVersion);
}
