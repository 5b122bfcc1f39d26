package org.llmrecon.provider.anthropic;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the events of a streamed message and hands the listener a chunk per text delta, one per complete tool
 * call (when its block stops: the API streams the arguments as partial JSON) and a last chunk with the finish
 * reason and usage at {@code message_delta}. {@code ping} and unknown events are skipped, as the API's
 * versioning policy asks; an {@code error} event ends the call with the error it names. A stream that ends
 * before {@code message_stop} is malformed.
 */
final class MessageStream {
    private final EventStream events;
    private final ErrorMapping errors;
    private final Message message = new Message();
    private final Map<Integer, ToolUse> toolUses = new HashMap<>();

    private record ToolUse(String id, String name, StringBuilder json) {
    }

    MessageStream(EventStream events, ErrorMapping errors) {
        this.events = events;
        this.errors = errors;
    }

    /** @return the message received, whole, or up to where the listener stopped */
    Message deliverTo(ChatStreamListener listener) {
        boolean started = false;
        for (EventStream.Event event; (event = events.next()) != null; ) {
            JsonNode data = data(event);
            String type = data.path("type").asText(event.event());
            if (!started && !type.equals("message_start") && !type.equals("ping") && !type.equals("error")) {
                throw malformed("the stream did not begin with message_start but " + type);
            }
            ChatChunk chunk = null;
            switch (type) {
                case "message_start" -> {
                    started = true;
                    message.start(data.path("message"));
                }
                case "content_block_start" -> {
                    JsonNode block = data.path("content_block");
                    if ("tool_use".equals(block.path("type").asText())) {
                        toolUses.put(data.path("index").asInt(), new ToolUse(block.path("id").asText(),
                                block.path("name").asText(), new StringBuilder()));
                    } else if ("text".equals(block.path("type").asText()) && !block.path("text").asText().isEmpty()) {
                        chunk = text(block.path("text").asText());
                    }
                }
                case "content_block_delta" -> chunk = delta(data);
                case "content_block_stop" -> chunk = toolCall(toolUses.remove(data.path("index").asInt()));
                case "message_delta" -> {
                    message.stopReason = data.path("delta").path("stop_reason").asText(message.stopReason);
                    if (data.path("usage").has("output_tokens")) {
                        message.outputTokens = data.path("usage").path("output_tokens").asInt();
                    }
                    if (data.path("usage").has("input_tokens")) {
                        message.inputTokens = data.path("usage").path("input_tokens").asInt();
                    }
                    chunk = chunk().finishReason(Message.finishReason(message.stopReason)).usage(message.usage())
                            .build();
                }
                case "message_stop" -> {
                    return message;
                }
                case "error" -> throw errors.streamError(events.call(), data);
                default -> {
                    // ping, and events added to the API later
                }
            }
            if (chunk != null && !listener.onChunk(chunk)) {
                return message;
            }
        }
        throw malformed("the stream ended before message_stop");
    }

    private ChatChunk delta(JsonNode data) {
        JsonNode delta = data.path("delta");
        switch (delta.path("type").asText()) {
            case "text_delta" -> {
                return text(delta.path("text").asText());
            }
            case "input_json_delta" -> {
                ToolUse use = toolUses.get(data.path("index").asInt());
                if (use == null) {
                    throw malformed("input_json_delta for block " + data.path("index").asInt()
                            + ", which is not a tool_use block");
                }
                use.json().append(delta.path("partial_json").asText());
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private ChatChunk text(String text) {
        message.text.append(text);
        return chunk().content(text).build();
    }

    private ChatChunk toolCall(ToolUse use) {
        if (use == null) {
            return null;
        }
        String arguments = use.json().isEmpty() ? "{}" : use.json().toString();
        try {
            if (!Json.MAPPER.readTree(arguments).isObject()) {
                throw new IOException("not an object");
            }
        } catch (IOException e) {
            throw malformed("tool_use block '" + use.name() + "' streamed input that is not a JSON object");
        }
        ToolCall call = new ToolCall(use.id(), "function", use.name(), arguments);
        message.toolCalls.add(call);
        return chunk().toolCalls(List.of(call)).build();
    }

    private ChatChunk.Builder chunk() {
        return ChatChunk.builder().id(message.id).model(message.model).index(0);
    }

    private JsonNode data(EventStream.Event event) {
        try {
            JsonNode node = Json.MAPPER.readTree(event.data());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw malformed("event '" + event.event() + "' carries data that is not a JSON object");
    }

    private MalformedResponseException malformed(String reason) {
        return new MalformedResponseException(errors.prefix(events.call()) + "stream is malformed: " + reason, null);
    }
}
