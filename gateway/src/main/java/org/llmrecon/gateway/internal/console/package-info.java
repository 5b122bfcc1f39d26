/**
 * The console page at {@code /console/}: plugins, targets and their usage, deploy, configuration and a chat,
 * over small JSON endpoints under {@code /console/api/} and the gateway's own {@code /v1} API.
 */
package org.llmrecon.gateway.internal.console;
