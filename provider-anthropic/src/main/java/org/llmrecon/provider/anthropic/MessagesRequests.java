package org.llmrecon.provider.anthropic;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.Tool;
import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ChatRequest} as a Messages API request: system messages become {@code system}, assistant tool
 * calls {@code tool_use} blocks, {@code tool} messages {@code tool_result} blocks of a user turn (consecutive
 * results in one turn, as the API wants them), image parts {@code image} blocks, {@code max_tokens} is the request's or the target's default.
 * What the API cannot express (several choices, penalties, logit bias, a JSON response format) is refused with
 * one line naming the parameter rather than silently dropped.
 */
final class MessagesRequests {
    /** The image types the Messages API reads. */
    static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private final AnthropicSettings settings;

    MessagesRequests(AnthropicSettings settings) {
        this.settings = settings;
    }

    ObjectNode messages(ChatRequest request, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model(request.model()));
        body.put("max_tokens", maxTokens(request.maxTokens()));
        refuseUnsupported(request);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            switch (message.role()) {
                case "system" -> system.append(system.isEmpty() ? "" : "\n\n").append(text(message));
                case "user" -> turn(messages, "user").addAll(content(message));
                case "assistant" -> assistant(turn(messages, "assistant"), message);
                case "tool" -> toolResult(turn(messages, "user"), message);
                default -> throw invalid("messages", "role '" + message.role() + "' is not one of system, user,"
                        + " assistant, tool");
            }
        }
        if (messages.isEmpty()) {
            throw invalid("messages", "there is no user or assistant message");
        }
        if (!system.isEmpty()) {
            body.put("system", system.toString());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            request.stop().forEach(stop::add);
        }
        if (request.user() != null) {
            body.putObject("metadata").put("user_id", request.user());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        if (request.toolChoice() != null) {
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    /** The body of {@code POST /v1/messages/count_tokens} for one user text. */
    ObjectNode countTokens(String text, String model) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model(model));
        body.putArray("messages").addObject().put("role", "user").put("content", text == null ? "" : text);
        return body;
    }

    String model(String requested) {
        String model = requested != null && !requested.isBlank() ? requested : settings.defaultModel();
        if (model == null) {
            throw invalid("model", "no model: name one in the request or set the target's defaultModel");
        }
        return model;
    }

    private int maxTokens(Integer requested) {
        if (requested == null) {
            return settings.maxTokens();
        }
        if (requested < 1) {
            throw invalid("max_tokens", "must be at least 1, not " + requested);
        }
        return requested;
    }

    private void refuseUnsupported(ChatRequest request) {
        if (request.n() != null && request.n() != 1) {
            throw invalid("n", "the Messages API gives one answer per request, not " + request.n());
        }
        if (request.presencePenalty() != null) {
            throw invalid("presence_penalty", "not supported by anthropic");
        }
        if (request.frequencyPenalty() != null) {
            throw invalid("frequency_penalty", "not supported by anthropic");
        }
        if (!request.logitBias().isEmpty()) {
            throw invalid("logit_bias", "not supported by anthropic");
        }
        if (request.responseFormat() != null && !request.responseFormat().equals("text")) {
            throw invalid("response_format", "not supported by anthropic (ask for JSON in the prompt, or use a tool)");
        }
    }

    /** The last message when it has {@code role}, else a new one: the API merges nothing itself for tool results. */
    private static ArrayNode turn(ArrayNode messages, String role) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            return (ArrayNode) last.get("content");
        }
        ObjectNode message = messages.addObject();
        message.put("role", role);
        return message.putArray("content");
    }

    /** Text parts as {@code text} blocks, images as {@code image} blocks with a base64 or a URL source. */
    private static ArrayNode content(ChatMessage message) {
        ArrayNode blocks = Json.MAPPER.createArrayNode();
        for (ContentPart part : message.parts()) {
            if (part instanceof ContentPart.Text text) {
                if (!text.text().isEmpty()) {
                    blocks.addObject().put("type", "text").put("text", text.text());
                }
            } else if (part instanceof ContentPart.ImageData image) {
                if (!IMAGE_TYPES.contains(image.mediaType())) {
                    throw invalid("messages", "image type '" + image.mediaType() + "' is not one the API reads ("
                            + String.join(", ", IMAGE_TYPES) + ")");
                }
                blocks.addObject().put("type", "image").putObject("source").put("type", "base64")
                        .put("media_type", image.mediaType()).put("data", image.base64());
            } else if (part instanceof ContentPart.ImageUrl image) {
                blocks.addObject().put("type", "image").putObject("source").put("type", "url").put("url", image.url());
            } else {
                throw invalid("messages", "a content part of kind " + part.getClass().getSimpleName()
                        + " cannot be sent to anthropic");
            }
        }
        return blocks;
    }

    private static void assistant(ArrayNode blocks, ChatMessage message) {
        blocks.addAll(content(message));
        for (ToolCall call : message.toolCalls()) {
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use").put("id", call.id()).put("name", call.name());
            use.set("input", object(call.arguments(), "tool call '" + call.name() + "' arguments"));
        }
    }

    private static void toolResult(ArrayNode blocks, ChatMessage message) {
        if (message.toolCallId() == null) {
            throw invalid("messages", "a tool message needs the id of the tool call it answers");
        }
        ObjectNode result = blocks.addObject();
        result.put("type", "tool_result").put("tool_use_id", message.toolCallId());
        result.put("content", message.content() == null ? "" : message.content());
    }

    private static String text(ChatMessage message) {
        return message.content() == null ? "" : message.content();
    }

    private static ObjectNode tool(Tool tool) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", tool.name());
        if (tool.description() != null) {
            node.put("description", tool.description());
        }
        JsonNode schema = tool.parameters() == null ? Json.MAPPER.createObjectNode().put("type", "object")
                : object(tool.parameters(), "tool '" + tool.name() + "' parameters");
        node.set("input_schema", schema);
        return node;
    }

    private static ObjectNode toolChoice(String choice) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        Map<String, String> kinds = Map.of("auto", "auto", "required", "any", "any", "any", "none", "none");
        if (kinds.containsKey(choice)) {
            return node.put("type", kinds.get(choice));
        }
        return node.put("type", "tool").put("name", choice);
    }

    private static ObjectNode object(String json, String what) {
        if (json == null || json.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw invalid("messages", what + " must be a JSON object");
    }

    private static InvalidRequestException invalid(String param, String reason) {
        return new InvalidRequestException("anthropic: " + param + ": " + reason, 400, param, "invalid_request");
    }
}
