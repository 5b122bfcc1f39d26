/** The shell's {@code llm:gateway} commands and the gateway's key file they write, keys sealed. */
package org.llmrecon.gateway.internal.keys;
