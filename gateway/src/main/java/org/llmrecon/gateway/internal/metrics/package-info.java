/** The gateway's Prometheus metrics and {@code GET /metrics}. */
package org.llmrecon.gateway.internal.metrics;
