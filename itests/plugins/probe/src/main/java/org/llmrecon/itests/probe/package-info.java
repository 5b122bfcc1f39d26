/**
 * Test support exported to the test plugins and the tests: a provider that
 * echoes and records how often it was created and closed.
 */
@Version("1.0.0")
package org.llmrecon.itests.probe;

import org.osgi.annotation.versioning.Version;
