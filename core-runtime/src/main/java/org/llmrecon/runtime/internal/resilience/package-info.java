/**
 * The resilience and metrics layer the runtime puts in front of every provider it hands out: retry with backoff,
 * client-side rate limits, a circuit breaker (all on Failsafe) and usage metrics per model. Nothing here is exported.
 */
package org.llmrecon.runtime.internal.resilience;
