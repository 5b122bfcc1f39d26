/**
 * The HTTP gateway's key file, which the shell's {@code llm:gateway key} commands write with the keys sealed: here,
 * not in the gateway's bundle, so that keys can be prepared while the gateway's bundles are not installed.
 */
package org.llmrecon.runtime.internal.keys;
