/**
 * The plugin side of the LLMrecon API: the contract a provider plugin
 * implements, its metadata, and the services the runtime offers to manage
 * plugins, providers and their configuration.
 *
 * @since 1.0.0
 */
@Version("1.0.0")
package org.llmrecon.api.plugin;

import org.osgi.annotation.versioning.Version;
