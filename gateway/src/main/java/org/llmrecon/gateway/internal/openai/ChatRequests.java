package org.llmrecon.gateway.internal.openai;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.Tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code POST /v1/chat/completions} as a {@link ChatRequest}; a bad field is a 400 naming it. */
final class ChatRequests {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private ChatRequests() {
    }

    static ChatRequest of(ObjectNode body, String model) {
        ChatRequest.Builder b = ChatRequest.builder().model(model);
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw GatewayException.badField("messages", "must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            b.message(message(messages.get(i), "messages[" + i + "]"));
        }
        Integer max = Fields.integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
        b.maxTokens(max != null ? max : Fields.integer(body, "max_tokens", 1, Integer.MAX_VALUE));
        b.temperature(Fields.number(body, "temperature", 0, 2));
        b.topP(Fields.number(body, "top_p", 0, 1));
        b.n(Fields.integer(body, "n", 1, 128));
        Fields.texts(body, "stop").forEach(b::stop);
        b.presencePenalty(Fields.number(body, "presence_penalty", -2, 2));
        b.frequencyPenalty(Fields.number(body, "frequency_penalty", -2, 2));
        b.endUser(Fields.text(body, "user", "user"));
        logitBias(body.get("logit_bias"), b);
        tools(body.get("tools"), b);
        b.toolChoice(toolChoice(body.get("tool_choice")));
        b.responseFormat(responseFormat(body.get("response_format")));
        return b.build();
    }

    private static ChatMessage message(JsonNode m, String path) {
        if (!m.isObject()) {
            throw GatewayException.badField(path, "must be an object");
        }
        String role = Fields.requiredText(m, "role", path + ".role");
        if (!ROLES.contains(role)) {
            throw GatewayException.badField(path + ".role", "must be one of " + ROLES);
        }
        ChatMessage.Builder b = ChatMessage.builder(role.equals("developer") ? "system" : role);
        MessageContent.read(m.get("content"), path + ".content", b);
        b.name(Fields.text(m, "name", path + ".name"));
        b.toolCallId(Fields.text(m, "tool_call_id", path + ".tool_call_id"));
        JsonNode calls = m.get("tool_calls");
        if (calls != null && !calls.isNull()) {
            b.toolCalls(ToolCalls.read(calls, path + ".tool_calls"));
        }
        return b.build();
    }

    private static void logitBias(JsonNode bias, ChatRequest.Builder b) {
        if (bias == null || bias.isNull()) {
            return;
        }
        if (!bias.isObject()) {
            throw GatewayException.badField("logit_bias", "must be an object of token to bias");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = bias.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber() || Math.abs(e.getValue().asDouble()) > 100) {
                throw GatewayException.badField("logit_bias." + e.getKey(), "must be a number from -100 to 100");
            }
            b.logitBias(e.getKey(), e.getValue().asInt());
        }
    }

    private static void tools(JsonNode tools, ChatRequest.Builder b) {
        if (tools == null || tools.isNull()) {
            return;
        }
        if (!tools.isArray()) {
            throw GatewayException.badField("tools", "must be an array");
        }
        for (int i = 0; i < tools.size(); i++) {
            String path = "tools[" + i + "]";
            JsonNode f = tools.get(i).get("function");
            if (f == null || !f.isObject()) {
                throw GatewayException.badField(path + ".function", "is required");
            }
            JsonNode params = f.get("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                throw GatewayException.badField(path + ".function.parameters", "must be a JSON schema object");
            }
            b.tool(Tool.function(Fields.requiredText(f, "name", path + ".function.name"),
                    Fields.text(f, "description", path + ".function.description"),
                    params == null || params.isNull() ? null : params.toString()));
        }
    }

    private static String toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        if (choice.isTextual()) {
            return choice.asText();
        }
        JsonNode name = choice.path("function").path("name");
        if (!name.isTextual()) {
            throw GatewayException.badField("tool_choice", "must be none, auto, required or {\"type\": \"function\", "
                    + "\"function\": {\"name\": ...}}");
        }
        return name.asText();
    }

    private static String responseFormat(JsonNode format) {
        if (format == null || format.isNull()) {
            return null;
        }
        String type = format.path("type").asText("");
        return switch (type) {
            case "text", "json_object" -> type;
            case "json_schema" -> format.toString();
            default -> throw GatewayException.badField("response_format.type",
                    "must be text, json_object or json_schema");
        };
    }
}
