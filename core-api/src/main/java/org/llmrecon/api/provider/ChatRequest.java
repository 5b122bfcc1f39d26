package org.llmrecon.api.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat completion request. Optional numbers are {@code null} when not set,
 * so a provider sends only what the caller chose. A class with a
 * {@link Builder} rather than a record: the APIs it maps to keep adding
 * request options, and adding one must stay a minor change.
 *
 * @since 1.0.0
 */
public final class ChatRequest {
    private final String model;
    private final List<ChatMessage> messages;
    private final Integer maxTokens;
    private final Double temperature;
    private final Double topP;
    private final Integer n;
    private final List<String> stop;
    private final Double presencePenalty;
    private final Double frequencyPenalty;
    private final Map<String, Integer> logitBias;
    private final String user;
    private final List<Tool> tools;
    private final String toolChoice;
    private final String responseFormat;
    private final Map<String, String> metadata;

    private ChatRequest(Builder b) {
        model = b.model;
        messages = List.copyOf(b.messages);
        maxTokens = b.maxTokens;
        temperature = b.temperature;
        topP = b.topP;
        n = b.n;
        stop = List.copyOf(b.stop);
        presencePenalty = b.presencePenalty;
        frequencyPenalty = b.frequencyPenalty;
        logitBias = Map.copyOf(b.logitBias);
        user = b.user;
        tools = List.copyOf(b.tools);
        toolChoice = b.toolChoice;
        responseFormat = b.responseFormat;
        metadata = Map.copyOf(b.metadata);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.messages.addAll(messages);
        b.maxTokens = maxTokens;
        b.temperature = temperature;
        b.topP = topP;
        b.n = n;
        b.stop.addAll(stop);
        b.presencePenalty = presencePenalty;
        b.frequencyPenalty = frequencyPenalty;
        b.logitBias.putAll(logitBias);
        b.user = user;
        b.tools.addAll(tools);
        b.toolChoice = toolChoice;
        b.responseFormat = responseFormat;
        b.metadata.putAll(metadata);
        return b;
    }

    /** @param model the model @return this request for another model */
    public ChatRequest withModel(String model) {
        return toBuilder().model(model).build();
    }

    /** @return the model, or {@code null} for the configured default */
    public String model() { return model; }

    /** @return the conversation */
    public List<ChatMessage> messages() { return messages; }

    /** @return the completion limit, or {@code null} */
    public Integer maxTokens() { return maxTokens; }

    /** @return sampling temperature, or {@code null} */
    public Double temperature() { return temperature; }

    /** @return nucleus sampling, or {@code null} */
    public Double topP() { return topP; }

    /** @return number of choices, or {@code null} */
    public Integer n() { return n; }

    /** @return stop sequences */
    public List<String> stop() { return stop; }

    /** @return presence penalty, or {@code null} */
    public Double presencePenalty() { return presencePenalty; }

    /** @return frequency penalty, or {@code null} */
    public Double frequencyPenalty() { return frequencyPenalty; }

    /** @return token id to bias */
    public Map<String, Integer> logitBias() { return logitBias; }

    /** @return an end-user id, or {@code null} */
    public String user() { return user; }

    /** @return tools the model may call */
    public List<Tool> tools() { return tools; }

    /** @return {@code none}, {@code auto}, {@code required} or a function name, or {@code null} */
    public String toolChoice() { return toolChoice; }

    /** @return {@code text}, {@code json_object}, or a JSON schema as a JSON text, or {@code null} */
    public String responseFormat() { return responseFormat; }

    /** @return free-form metadata */
    public Map<String, String> metadata() { return metadata; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatRequest r
                && Objects.equals(model, r.model)
                && Objects.equals(messages, r.messages)
                && Objects.equals(maxTokens, r.maxTokens)
                && Objects.equals(temperature, r.temperature)
                && Objects.equals(topP, r.topP)
                && Objects.equals(n, r.n)
                && Objects.equals(stop, r.stop)
                && Objects.equals(presencePenalty, r.presencePenalty)
                && Objects.equals(frequencyPenalty, r.frequencyPenalty)
                && Objects.equals(logitBias, r.logitBias)
                && Objects.equals(user, r.user)
                && Objects.equals(tools, r.tools)
                && Objects.equals(toolChoice, r.toolChoice)
                && Objects.equals(responseFormat, r.responseFormat)
                && Objects.equals(metadata, r.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, messages, maxTokens, temperature, topP, n, stop, presencePenalty,
                frequencyPenalty, logitBias, user, tools, toolChoice, responseFormat, metadata);
    }

    @Override
    public String toString() {
        return "ChatRequest[model=" + model + ", messages=" + messages + ", maxTokens=" + maxTokens
                + ", temperature=" + temperature + ", topP=" + topP + ", n=" + n + ", stop=" + stop
                + ", presencePenalty=" + presencePenalty + ", frequencyPenalty=" + frequencyPenalty
                + ", logitBias=" + logitBias + ", user=" + user + ", tools=" + tools + ", toolChoice=" + toolChoice
                + ", responseFormat=" + responseFormat + ", metadata=" + metadata + "]";
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

        /** @param text the text @param images images that follow it @return this builder */
        public Builder user(String text, ContentPart... images) { return message(ChatMessage.user(text, images)); }

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
            return new ChatRequest(this);
        }
    }
}
