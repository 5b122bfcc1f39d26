package org.llmrecon.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running LLMrecon framework, against which plugins' framework version
 * ranges are checked.
 *
 * @since 1.0.0
 */
@ProviderType
public interface FrameworkInfo {

    /** @return the running framework version, e.g. {@code 1.0.0} */
    String version();
}
