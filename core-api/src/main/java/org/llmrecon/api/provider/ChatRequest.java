package org.llmrecon.api.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat completion request. Optional numbers are {@code null} when not set,
 * so a provider sends only what the caller chose.
 *
 * @param model the model, or {@code null} for the configured default
 * @param messages the conversation
 * @param maxTokens the completion limit
 * @param temperature sampling temperature
 * @param topP nucleus sampling
 * @param n number of choices
 * @param stop stop sequences
 * @param presencePenalty presence penalty
 * @param frequencyPenalty frequency penalty
 * @param logitBias token id to bias
 * @param user an end-user id
 * @param tools tools the model may call
 * @param toolChoice {@code none}, {@code auto}, {@code required} or a function name
 * @param responseFormat {@code text}, {@code json_object}, or a JSON schema as a JSON text
 * @param metadata free-form metadata
 * @since 1.0.0
 */
public record ChatRequest(String model, List<ChatMessage> messages, Integer maxTokens, Double temperature,
        Double topP, Integer n, List<String> stop, Double presencePenalty, Double frequencyPenalty,
        Map<String, Integer> logitBias, String user, List<Tool> tools, String toolChoice, String responseFormat,
        Map<String, String> metadata) {

    /** Copies the collections. */
    public ChatRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        logitBias = logitBias == null ? Map.of() : Map.copyOf(logitBias);
        tools = tools == null ? List.of() : List.copyOf(tools);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @param model the model @return this request for another model */
    public ChatRequest withModel(String model) {
        return new ChatRequest(model, messages, maxTokens, temperature, topP, n, stop, presencePenalty,
                frequencyPenalty, logitBias, user, tools, toolChoice, responseFormat, metadata);
    }

    /**
     * Builds a {@link ChatRequest}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private Integer maxTokens;
        private Double temperature;
        private Double topP;
        private Integer n;
        private final List<String> stop = new ArrayList<>();
        private Double presencePenalty;
        private Double frequencyPenalty;
        private final Map<String, Integer> logitBias = new LinkedHashMap<>();
        private String user;
        private final List<Tool> tools = new ArrayList<>();
        private String toolChoice;
        private String responseFormat;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        Builder() {
        }

        /** @param value the model @return this builder */
        public Builder model(String value) { model = value; return this; }

        /** @param value a message to append @return this builder */
        public Builder message(ChatMessage value) { messages.add(value); return this; }

        /** @param value the system prompt @return this builder */
        public Builder system(String value) { return message(ChatMessage.system(value)); }

        /** @param value a user message @return this builder */
        public Builder user(String value) { return message(ChatMessage.user(value)); }

        /** @param value the completion limit @return this builder */
        public Builder maxTokens(Integer value) { maxTokens = value; return this; }

        /** @param value sampling temperature @return this builder */
        public Builder temperature(Double value) { temperature = value; return this; }

        /** @param value nucleus sampling @return this builder */
        public Builder topP(Double value) { topP = value; return this; }

        /** @param value number of choices @return this builder */
        public Builder n(Integer value) { n = value; return this; }

        /** @param value a stop sequence @return this builder */
        public Builder stop(String value) { stop.add(value); return this; }

        /** @param value presence penalty @return this builder */
        public Builder presencePenalty(Double value) { presencePenalty = value; return this; }

        /** @param value frequency penalty @return this builder */
        public Builder frequencyPenalty(Double value) { frequencyPenalty = value; return this; }

        /** @param token a token id @param bias its bias @return this builder */
        public Builder logitBias(String token, int bias) { logitBias.put(token, bias); return this; }

        /** @param value end-user id @return this builder */
        public Builder endUser(String value) { user = value; return this; }

        /** @param value a tool @return this builder */
        public Builder tool(Tool value) { tools.add(value); return this; }

        /** @param value the tool choice @return this builder */
        public Builder toolChoice(String value) { toolChoice = value; return this; }

        /** @param value the response format @return this builder */
        public Builder responseFormat(String value) { responseFormat = value; return this; }

        /** @param key a key @param value its value @return this builder */
        public Builder metadata(String key, String value) { metadata.put(key, value); return this; }

        /** @return the request */
        public ChatRequest build() {
            return new ChatRequest(model, messages, maxTokens, temperature, topP, n, stop, presencePenalty,
                    frequencyPenalty, logitBias, user, tools, toolChoice, responseFormat, metadata);
        }
    }
}
