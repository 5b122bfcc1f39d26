package org.llmrecon.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.provider.ChatChoice;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ToolCall;
import org.llmrecon.api.provider.Usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One assistant message as the Messages API returns it, whole or assembled from a stream: its text blocks
 * joined, its {@code tool_use} blocks as tool calls (arguments as JSON text), its stop reason and usage.
 * Stop reasons are given in the core API's terms: {@code end_turn} and {@code stop_sequence} are
 * {@code stop}, {@code max_tokens} is {@code length}, {@code tool_use} is {@code tool_calls}, {@code refusal}
 * is {@code content_filter}; others pass as they are.
 */
final class Message {
    String id;
    String model;
    final StringBuilder text = new StringBuilder();
    final List<ToolCall> toolCalls = new ArrayList<>();
    String stopReason;
    int inputTokens;
    int outputTokens;

    /** Reads the answer of {@code POST /v1/messages}. */
    static Message of(String call, JsonNode node) {
        if (!"message".equals(node.path("type").asText()) || !node.path("content").isArray()) {
            throw new MalformedResponseException("anthropic: " + call + " answered something that is not a message"
                    + " (type " + node.path("type").asText("missing") + ")", null);
        }
        Message message = new Message();
        message.start(node);
        for (JsonNode block : node.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> message.text.append(block.path("text").asText());
                case "tool_use" -> message.toolCalls.add(new ToolCall(block.path("id").asText(), "function",
                        block.path("name").asText(), block.path("input").toString()));
                default -> {
                    // thinking, server tool results and later block types carry no answer text
                }
            }
        }
        message.stopReason = node.path("stop_reason").asText(null);
        message.outputTokens = node.path("usage").path("output_tokens").asInt();
        return message;
    }

    /** Takes id, model and input tokens from a message (the whole answer, or {@code message_start}'s). */
    void start(JsonNode node) {
        id = node.path("id").asText(null);
        model = node.path("model").asText(null);
        inputTokens = node.path("usage").path("input_tokens").asInt();
        outputTokens = node.path("usage").path("output_tokens").asInt();
    }

    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> "stop";
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> stopReason;
        };
    }

    Usage usage() {
        return Usage.of(inputTokens, outputTokens);
    }

    ChatResponse response(long created) {
        ChatMessage answer = ChatMessage.builder("assistant").content(text.toString()).toolCalls(toolCalls).build();
        return ChatResponse.builder().id(id).object("chat.completion").created(created).model(model)
                .choices(List.of(new ChatChoice(0, answer, finishReason(stopReason)))).usage(usage()).build();
    }
}
