package org.llmrecon.runtime.internal.metadata;

import java.io.InputStream;
import java.nio.file.Path;
import org.llmrecon.api.plugin.PluginMetadata;

/** TEMP placeholder, replaced by the metadata branch. */
public final class MetadataJson {
    public static final int MAX_BYTES = 64 * 1024;
    public static PluginMetadata parse(Path file) throws MetadataException { throw new MetadataException(file + ": not parsed yet"); }
    public static PluginMetadata parse(InputStream in, String sourceName) throws MetadataException { throw new MetadataException(sourceName + ": not parsed yet"); }
}
