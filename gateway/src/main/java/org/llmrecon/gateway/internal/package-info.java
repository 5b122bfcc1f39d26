/** The gateway's components; nothing here is exported. */
package org.llmrecon.gateway.internal;
