/** The runtime's components; nothing here is exported. */
package org.llmrecon.runtime.internal;
