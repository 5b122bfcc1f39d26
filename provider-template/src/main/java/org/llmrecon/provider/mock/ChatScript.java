package org.llmrecon.provider.mock;

import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.provider.ChatChoice;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.Usage;

/**
 * The chunks the mock sends for one chat request: for each choice one chunk
 * per token of the answer, then a closing chunk with the finish reason; the
 * last chunk carries the usage. A plain chat response is the same chunks
 * assembled, so streamed and plain answers always agree.
 *
 * @param id the response id
 * @param model the model id
 * @param created creation time in seconds since the epoch
 * @param promptTokens tokens of all messages
 * @param chunks every chunk, in order
 */
record ChatScript(String id, String model, long created, int promptTokens, List<ChatChunk> chunks) {

    static ChatScript of(String id, String model, long created, ChatRequest request, String replyTemplate) {
        ChatMessage lastUser = null;
        int promptTokens = 0;
        for (ChatMessage message : request.messages()) {
            promptTokens += MockTokenizer.count(message.content());
            if ("user".equals(message.role())) {
                lastUser = message;
            }
        }
        if (lastUser == null) {
            throw new InvalidRequestException("mock: messages contain no user message", 400, "messages", null);
        }
        String prompt = ImageDescription.of(lastUser);
        Answer answer = Answer.of(replyTemplate.replace("{prompt}", prompt), request.maxTokens(), request.stop());
        int choices = Answer.choices(request.n());
        List<ChatChunk> chunks = new ArrayList<>();
        for (int index = 0; index < choices; index++) {
            for (String token : answer.tokens()) {
                chunks.add(ChatChunk.builder().id(id).model(model).index(index).content(token).build());
            }
            Usage usage = index == choices - 1 ? Usage.of(promptTokens, choices * answer.tokens().size()) : null;
            chunks.add(ChatChunk.builder().id(id).model(model).index(index).finishReason(answer.finishReason())
                    .usage(usage).build());
        }
        return new ChatScript(id, model, created, promptTokens, List.copyOf(chunks));
    }

    /**
     * @param delivered how many of the chunks the caller received
     * @return the response made of those chunks; a choice cut short has no finish reason
     */
    ChatResponse assemble(int delivered) {
        List<StringBuilder> texts = new ArrayList<>();
        List<String> finishReasons = new ArrayList<>();
        int completionTokens = 0;
        for (ChatChunk chunk : chunks.subList(0, delivered)) {
            while (texts.size() <= chunk.index()) {
                texts.add(new StringBuilder());
                finishReasons.add(null);
            }
            if (!chunk.content().isEmpty()) {
                texts.get(chunk.index()).append(chunk.content());
                completionTokens++;
            }
            if (chunk.finishReason() != null) {
                finishReasons.set(chunk.index(), chunk.finishReason());
            }
        }
        List<ChatChoice> choices = new ArrayList<>();
        for (int index = 0; index < texts.size(); index++) {
            choices.add(new ChatChoice(index, ChatMessage.assistant(texts.get(index).toString()),
                    finishReasons.get(index)));
        }
        return ChatResponse.builder().id(id).object("chat.completion").created(created).model(model).choices(choices)
                .usage(Usage.of(promptTokens, completionTokens)).build();
    }
}
