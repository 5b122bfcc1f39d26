/** The Gogo commands of scope {@code llm}: thin, delegating to the runtime's services, returning text. */
package org.llmrecon.runtime.internal.shell;
