package org.llmrecon.api.runtime;

/**
 * One configuration value as shown to people: secrets are masked.
 *
 * @param key the key, e.g. {@code baseUrl}
 * @param value the value, masked when secret
 * @param source where it came from: {@code api}, {@code env}, {@code etc}, {@code json} or {@code default}
 * @param secret whether the value is a secret
 * @since 1.0.0
 */
public record ConfigEntry(String key, String value, String source, boolean secret) {
}
