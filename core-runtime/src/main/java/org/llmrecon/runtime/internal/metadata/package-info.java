/**
 * Reading plugin metadata from sidecar JSON, bundle JSON and manifest headers,
 * merging the sources by precedence, and validating the result. Pure classes,
 * no OSGi services; nothing here is exported.
 */
package org.llmrecon.runtime.internal.metadata;
