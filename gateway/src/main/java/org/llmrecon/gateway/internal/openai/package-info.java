/** The OpenAI-compatible endpoints under {@code /v1}: requests in, the runtime's targets called, answers out. */
package org.llmrecon.gateway.internal.openai;
