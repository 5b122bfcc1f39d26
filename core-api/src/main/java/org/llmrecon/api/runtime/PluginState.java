package org.llmrecon.api.runtime;

/**
 * Where a plugin stands.
 *
 * @since 1.0.0
 */
public enum PluginState {
    /** Installed, not yet offering a plugin service (resolving, starting). */
    PENDING,
    /** Valid and serving its provider type. */
    ACTIVE,
    /** Valid, but another plugin wins its provider type; takes over when that one goes. */
    SHADOWED,
    /** Failed validation; never offered by the factory. */
    REJECTED,
    /** Could not be installed, resolved or started, or its code failed. */
    FAILED,
    /** Uninstalled, but its class loader is still reachable. */
    LEAKED
}
