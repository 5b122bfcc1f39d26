package org.llmrecon.runtime.internal.metadata;

import org.llmrecon.api.plugin.PluginMetadata;

public record MetadataSource(String name, PluginMetadata metadata) {}
