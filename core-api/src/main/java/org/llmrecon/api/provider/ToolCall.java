package org.llmrecon.api.provider;

/**
 * A tool (function) call requested by the model.
 *
 * @param id the call id
 * @param type the tool type, normally {@code function}
 * @param name the function name
 * @param arguments the arguments as a JSON text
 * @since 1.0.0
 */
public record ToolCall(String id, String type, String name, String arguments) {
}
