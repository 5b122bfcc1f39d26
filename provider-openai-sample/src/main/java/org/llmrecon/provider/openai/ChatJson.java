package org.llmrecon.provider.openai;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Chat messages, tools and the tool choice in the OpenAI format. A message without content (an assistant
 * turn that only calls tools) leaves {@code content} out rather than sending null.
 */
final class ChatJson {
    private ChatJson() {
    }

    static ObjectNode message(ChatMessage message) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("role", message.role());
        if (message.content() != null) {
            node.put("content", message.content());
        }
        if (message.name() != null) {
            node.put("name", message.name());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode entry = calls.addObject().put("id", call.id())
                        .put("type", call.type() == null ? "function" : call.type());
                entry.putObject("function").put("name", call.name())
                        .put("arguments", call.arguments() == null ? "{}" : call.arguments());
            }
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        return node;
    }

    static ObjectNode tool(String type, Tool tool) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("type", tool.type());
        ObjectNode function = node.putObject("function").put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        if (tool.parameters() != null && !tool.parameters().isBlank()) {
            function.set("parameters", RequestBodies.jsonObject(type, tool.parameters(), "tools",
                    "the parameters of tool '" + tool.name() + "' are not a JSON object"));
        }
        return node;
    }

    static JsonNode toolChoice(String choice) {
        if (choice.equals("none") || choice.equals("auto") || choice.equals("required")) {
            return Json.MAPPER.getNodeFactory().textNode(choice);
        }
        ObjectNode node = Json.MAPPER.createObjectNode().put("type", "function");
        node.putObject("function").put("name", choice);
        return node;
    }
}
