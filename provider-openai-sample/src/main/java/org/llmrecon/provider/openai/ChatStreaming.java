package org.llmrecon.provider.openai;

import java.io.IOException;

import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ChatStreamListener;
import org.llmrecon.api.provider.MalformedResponseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one streamed chat answer and hands each chunk to the listener as soon as its event is complete.
 * The stream ends with {@code data: [DONE]}; a stream that stops without it counts as complete only when
 * every choice already had its finish reason (some compatible servers leave {@code [DONE]} out), else it
 * was truncated. An answer that is one JSON document (a server that ignores {@code "stream": true}) is
 * delivered as one chunk per choice.
 */
final class ChatStreaming {
    private final EventStream stream;
    private final ErrorMapping errors;
    private final long maxStreamBytes;
    private final String server;

    /**
     * @param stream the answer's body
     * @param errors how the server's errors are read
     * @param maxStreamBytes the most text the assembled answer may hold
     * @param server the server's host and port, for messages
     */
    ChatStreaming(EventStream stream, ErrorMapping errors, long maxStreamBytes, String server) {
        this.stream = stream;
        this.errors = errors;
        this.maxStreamBytes = maxStreamBytes;
        this.server = server;
    }

    ChatResponse deliverTo(ChatStreamListener listener) {
        if (!stream.isEventStream()) {
            if (!stream.mediaType().contains("json")) {
                throw new MalformedResponseException(errors.type() + ": " + stream.call() + " answered with Content-Type "
                        + errors.scrub(stream.mediaType()).replaceAll("\\p{Cntrl}", "?")
                        + " where an event stream was expected, server " + server, null);
            }
            return whole(listener);
        }
        StreamAssembler assembler = new StreamAssembler(errors.type(), stream.call(), maxStreamBytes, server);
        SseReader.Event event;
        while ((event = stream.next()) != null) {
            if (event.data().strip().equals("[DONE]")) {
                stream.finish();
                return assembler.response();
            }
            JsonNode node = parse(event.data());
            if (event.event().equals("error") || node.has("error")) {
                throw errors.streamError(stream.call(), node);
            }
            for (ChatChunk chunk : assembler.accept(node)) {
                if (!listener.onChunk(chunk)) {
                    return assembler.response();
                }
            }
        }
        if (!assembler.finished()) {
            throw new MalformedResponseException(errors.type() + ": " + stream.call()
                    + " stream ended before [DONE] with an unfinished answer (truncated)", null);
        }
        return assembler.response();
    }

    private ChatResponse whole(ChatStreamListener listener) {
        ChatResponse response = ResponseParser.chat(errors.type(), stream.call(),
                AnswerJson.parse(stream.call(), stream.readAll(), stream.mediaType(), server, errors));
        for (var choice : response.choices()) {
            boolean last = choice == response.choices().get(response.choices().size() - 1);
            ChatChunk chunk = ChatChunk.builder().id(response.id()).model(response.model()).index(choice.index())
                    .content(choice.message().content()).toolCalls(choice.message().toolCalls())
                    .finishReason(choice.finishReason()).usage(last ? response.usage() : null).build();
            if (!listener.onChunk(chunk)) {
                break;
            }
        }
        return response;
    }

    private JsonNode parse(String data) {
        try {
            JsonNode node = Json.MAPPER.readTree(data);
            if (node != null && node.isObject()) {
                return node;
            }
            throw new IOException("not a JSON object");
        } catch (IOException e) {
            throw new MalformedResponseException(errors.type() + ": " + stream.call() + " stream sent an event that is not a"
                    + " JSON object (" + data.length() + " characters: " + errors.scrub(AnswerJson.reason(e))
                    + "), server " + server, e);
        }
    }
}
