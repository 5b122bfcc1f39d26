/**
 * What a provider plugin author implements or returns: the plugin contract
 * ({@link org.llmrecon.api.plugin.PluginInterface}), its metadata and
 * metadata validators.
 *
 * @since 1.0.0
 */
@Version("1.0.0")
package org.llmrecon.api.plugin;

import org.osgi.annotation.versioning.Version;
