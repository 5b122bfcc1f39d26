package org.llmrecon.provider.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.llmrecon.api.provider.ChatChoice;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ToolCall;
import org.llmrecon.api.provider.Usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns {@code chat.completion.chunk} events into {@link ChatChunk}s (one per choice) and assembles the
 * whole response. A tool call arrives in fragments that name only their index after the first; the chunks
 * carry each fragment's arguments with the id, type and name of its call filled in, so a listener can
 * group them.
 */
final class StreamAssembler {
    private static final class Choice {
        String role;
        final StringBuilder content = new StringBuilder();
        final Map<Integer, String[]> calls = new TreeMap<>();
        final Map<Integer, StringBuilder> arguments = new TreeMap<>();
        String finishReason;
    }

    private final String type;
    private final String call;
    private final long maxStreamBytes;
    private final String server;
    private final Map<Integer, Choice> choices = new TreeMap<>();
    private long assembled;
    private String id;
    private String model;
    private long created;
    private Usage usage;

    /**
     * @param type the provider type, which starts messages
     * @param call the call, for messages
     * @param maxStreamBytes the most text (content and tool arguments, counted in characters) the answer may hold
     * @param server the server's host and port, for messages
     */
    StreamAssembler(String type, String call, long maxStreamBytes, String server) {
        this.type = type;
        this.call = call;
        this.maxStreamBytes = maxStreamBytes;
        this.server = server;
    }

    List<ChatChunk> accept(JsonNode chunk) {
        id = id != null ? id : Json.text(chunk.get("id"));
        model = model != null ? model : Json.text(chunk.get("model"));
        created = created != 0 ? created : chunk.path("created").asLong();
        Usage chunkUsage = chunk.path("usage").isObject() ? ResponseParser.usage(chunk.get("usage")) : null;
        usage = chunkUsage != null ? chunkUsage : usage;
        List<ChatChunk> out = new ArrayList<>();
        for (JsonNode node : chunk.path("choices")) {
            int index = node.path("index").asInt(0);
            Choice choice = choices.computeIfAbsent(index, i -> new Choice());
            JsonNode delta = node.has("delta") ? node.path("delta") : node.path("message");
            if (delta.path("role").isTextual()) {
                choice.role = delta.get("role").asText();
            }
            String content = delta.path("content").isTextual() ? delta.get("content").asText() : "";
            choice.content.append(grow(content));
            List<ToolCall> calls = new ArrayList<>();
            int position = 0;
            for (JsonNode call : delta.path("tool_calls")) {
                calls.add(fragment(choice, call.path("index").asInt(position++), call));
            }
            String finish = Json.text(node.get("finish_reason"));
            choice.finishReason = finish != null ? finish : choice.finishReason;
            out.add(ChatChunk.builder().id(id).model(model).index(index).content(content).toolCalls(calls)
                    .finishReason(finish).build());
        }
        if (chunkUsage != null) {
            ChatChunk last = out.isEmpty() ? ChatChunk.builder().id(id).model(model).build() : out.remove(out.size() - 1);
            out.add(last.toBuilder().usage(chunkUsage).build());
        }
        return out;
    }

    private String grow(String text) {
        assembled += text.length();
        if (assembled > maxStreamBytes) {
            throw CallLimits.exceeded(type, call, new SseReader.LimitExceeded(CallLimits.MAX_STREAM_BYTES, maxStreamBytes),
                    "server " + server);
        }
        return text;
    }

    private ToolCall fragment(Choice choice, int index, JsonNode call) {
        String[] known = choice.calls.computeIfAbsent(index, i -> new String[3]);
        JsonNode function = call.path("function");
        known[0] = call.path("id").isTextual() ? call.get("id").asText() : known[0];
        known[1] = call.path("type").isTextual() ? call.get("type").asText() : known[1];
        known[2] = function.path("name").isTextual() ? function.get("name").asText() : known[2];
        String arguments = function.path("arguments").isTextual() ? function.get("arguments").asText() : "";
        choice.arguments.computeIfAbsent(index, i -> new StringBuilder()).append(grow(arguments));
        return new ToolCall(known[0], known[1] == null ? "function" : known[1], known[2], arguments);
    }

    /** @return whether every choice seen so far has a finish reason (and at least one was seen) */
    boolean finished() {
        return !choices.isEmpty() && choices.values().stream().allMatch(c -> c.finishReason != null);
    }

    ChatResponse response() {
        List<ChatChoice> result = new ArrayList<>();
        choices.forEach((index, choice) -> {
            List<ToolCall> calls = new ArrayList<>();
            choice.calls.forEach((i, known) -> calls.add(new ToolCall(known[0], known[1] == null ? "function" : known[1],
                    known[2], choice.arguments.get(i).toString())));
            String content = choice.content.length() == 0 && !calls.isEmpty() ? null : choice.content.toString();
            result.add(new ChatChoice(index, ChatMessage.builder(choice.role == null ? "assistant" : choice.role)
                    .content(content).toolCalls(calls).build(), choice.finishReason));
        });
        return ChatResponse.builder().id(id).object("chat.completion").created(created).model(model).choices(result)
                .usage(usage).build();
    }
}
