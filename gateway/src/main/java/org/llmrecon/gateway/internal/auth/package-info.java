/** Who may use the gateway: its keys, the loopback rule and per-key rate limits. */
package org.llmrecon.gateway.internal.auth;
