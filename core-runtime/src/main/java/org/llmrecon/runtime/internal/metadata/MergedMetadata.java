package org.llmrecon.runtime.internal.metadata;

import java.util.List;
import org.llmrecon.api.plugin.PluginMetadata;

public record MergedMetadata(PluginMetadata metadata, List<String> conflicts) {}
