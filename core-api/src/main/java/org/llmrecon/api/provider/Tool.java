package org.llmrecon.api.provider;

import java.util.Objects;

/**
 * A tool the model may call.
 *
 * @param type the tool type, normally {@code function}
 * @param name the function name
 * @param description what it does, or {@code null}
 * @param parameters the JSON schema of its parameters, as a JSON text, or {@code null}
 * @since 1.0.0
 */
public record Tool(String type, String name, String description, String parameters) {
    /** Checks the name. */
    public Tool {
        Objects.requireNonNull(name, "name");
        type = type == null ? "function" : type;
    }

    /**
     * @param name the function name
     * @param description what it does
     * @param parametersJson the JSON schema of its parameters
     * @return a function tool
     */
    public static Tool function(String name, String description, String parametersJson) {
        return new Tool("function", name, description, parametersJson);
    }
}
