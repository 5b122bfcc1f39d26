/**
 * The provider side of the LLMrecon API: what a provider plugin creates and
 * what callers use to talk to a large language model.
 *
 * @since 1.0.0
 */
@Version("1.0.0")
package org.llmrecon.api.provider;

import org.osgi.annotation.versioning.Version;
