package org.llmrecon.runtime.internal.metadata;

public final class MetadataException extends Exception {
    private static final long serialVersionUID = 1L;
    public MetadataException(String message) { super(message); }
}
