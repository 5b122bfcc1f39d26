/**
 * What the runtime manages and offers to the programs that use it: the
 * provider factory and the managed providers it hands out, the plugin
 * manager and discovery, configuration, the running framework, and the
 * information and metrics these report. Only the runtime implements these
 * types ({@code @ProviderType}); callers use them.
 *
 * @since 1.0.0
 */
@Version("1.0.0")
package org.llmrecon.api.runtime;

import org.osgi.annotation.versioning.Version;
