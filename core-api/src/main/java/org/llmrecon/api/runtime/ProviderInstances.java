package org.llmrecon.api.runtime;

/**
 * The provider instances the runtime has created for one provider type, and
 * closed. The runtime closes each instance exactly once: after its plugin
 * goes away or is replaced, or its configuration changes, as soon as the
 * last call in flight on it has returned.
 *
 * @param created instances created since the runtime first served the type
 * @param closed instances closed
 * @since 1.0.0
 */
public record ProviderInstances(long created, long closed) {

    /** @return instances created and not yet closed: the current one, and retired ones still finishing calls */
    public long open() {
        return created - closed;
    }
}
