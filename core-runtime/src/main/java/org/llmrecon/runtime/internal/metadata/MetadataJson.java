package org.llmrecon.runtime.internal.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.llmrecon.api.plugin.PluginMetadata;

/**
 * Reads the original framework's metadata JSON: the sidecar
 * {@code <jar>.metadata.json} and {@code META-INF/llmrecon/plugin.json} in a
 * bundle. The top level is an object with the optional keys {@code name},
 * {@code version}, {@code author}, {@code description},
 * {@code provider_type}, {@code min_framework_version},
 * {@code max_framework_version} (strings) and {@code supported_models},
 * {@code tags} (lists of strings). {@code null} means "not given"; strings
 * are kept as written (an empty {@code max_framework_version} stays empty);
 * unknown keys are ignored. Malformed JSON, a wrong type, a duplicate key
 * (at any depth), an empty input and input over {@link #MAX_BYTES} are
 * rejected with one line naming the source, line, column and field.
 */
public final class MetadataJson {

    /** The largest metadata accepted, in bytes: far above any real file, small enough to read whole. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Where a bundle carries its metadata JSON. */
    public static final String BUNDLE_ENTRY = "META-INF/llmrecon/plugin.json";

    /** What the seed appends to a plugin file's name to name its sidecar. */
    public static final String SIDECAR_SUFFIX = ".metadata.json";

    private MetadataJson() {
    }

    /**
     * @param pluginFile a plugin jar
     * @return the sidecar path beside it, {@code <jar>.metadata.json}, whether or not it exists
     */
    public static Path sidecarOf(Path pluginFile) {
        return pluginFile.resolveSibling(pluginFile.getFileName() + SIDECAR_SUFFIX);
    }

    /**
     * @param file the JSON file; its path names it in messages
     * @return the metadata
     * @throws MetadataException when the file is missing, unreadable, too large or invalid
     */
    public static PluginMetadata parse(Path file) throws MetadataException {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new MetadataException(source, "is a directory, not a metadata file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new MetadataException(source, "is " + size + " bytes, over the " + MAX_BYTES
                        + "-byte limit for metadata");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, source);
            }
        } catch (NoSuchFileException e) {
            throw new MetadataException(source, "does not exist");
        } catch (IOException e) {
            throw new MetadataException(source, -1, -1, "cannot be read: " + reason(e), e);
        }
    }

    /**
     * Reads at most {@link #MAX_BYTES} + 1 bytes; does not close the stream.
     *
     * @param in the JSON
     * @param sourceName what to call it in messages
     * @return the metadata
     * @throws MetadataException when the input is unreadable, too large or invalid
     */
    public static PluginMetadata parse(InputStream in, String sourceName) throws MetadataException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new MetadataException(sourceName, -1, -1, "cannot be read: " + reason(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new MetadataException(sourceName, "is more than " + MAX_BYTES + " bytes, over the "
                    + MAX_BYTES + "-byte limit for metadata");
        }
        return new MetadataJsonReader(bytes, sourceName).read();
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return DisplayText.escapeAll(e.getClass().getSimpleName() + message);
    }
}
