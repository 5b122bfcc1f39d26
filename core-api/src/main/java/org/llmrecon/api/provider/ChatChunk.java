package org.llmrecon.api.provider;

import java.util.List;
import java.util.Objects;

/**
 * One chunk of a streamed chat response. A class with a {@link Builder}
 * rather than a record: streamed deltas gain fields (refusals, reasoning
 * text), and adding one must stay a minor change.
 *
 * @since 1.0.0
 */
public final class ChatChunk {
    private final String id;
    private final String model;
    private final int index;
    private final String content;
    private final List<ToolCall> toolCalls;
    private final String finishReason;
    private final Usage usage;

    private ChatChunk(Builder b) {
        id = b.id;
        model = b.model;
        index = b.index;
        content = b.content == null ? "" : b.content;
        toolCalls = b.toolCalls == null ? List.of() : List.copyOf(b.toolCalls);
        finishReason = b.finishReason;
        usage = b.usage;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().id(id).model(model).index(index).content(content).toolCalls(toolCalls)
                .finishReason(finishReason).usage(usage);
    }

    /** @return the response id */
    public String id() { return id; }

    /** @return the model */
    public String model() { return model; }

    /** @return the choice index */
    public int index() { return index; }

    /** @return the text added by this chunk, possibly empty */
    public String content() { return content; }

    /** @return tool call fragments in this chunk */
    public List<ToolCall> toolCalls() { return toolCalls; }

    /** @return set on the last chunk of a choice, else {@code null} */
    public String finishReason() { return finishReason; }

    /** @return tokens used, when the server reports them (usually on the last chunk), else {@code null} */
    public Usage usage() { return usage; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatChunk x
                && Objects.equals(id, x.id)
                && Objects.equals(model, x.model)
                && index == x.index
                && Objects.equals(content, x.content)
                && Objects.equals(toolCalls, x.toolCalls)
                && Objects.equals(finishReason, x.finishReason)
                && Objects.equals(usage, x.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, model, index, content, toolCalls, finishReason, usage);
    }

    @Override
    public String toString() {
        return "ChatChunk[id=" + id + ", model=" + model + ", index=" + index + ", content=" + content
                + ", toolCalls=" + toolCalls + ", finishReason=" + finishReason + ", usage=" + usage + "]";
    }

    /**
     * Builds a {@link ChatChunk}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private String id;
        private String model;
        private int index;
        private String content;
        private List<ToolCall> toolCalls;
        private String finishReason;
        private Usage usage;

        Builder() {
        }

        /** @param value the response id @return this builder */
        public Builder id(String value) { id = value; return this; }

        /** @param value the model @return this builder */
        public Builder model(String value) { model = value; return this; }

        /** @param value the choice index @return this builder */
        public Builder index(int value) { index = value; return this; }

        /** @param value the text added by this chunk, possibly empty @return this builder */
        public Builder content(String value) { content = value; return this; }

        /** @param value tool call fragments in this chunk @return this builder */
        public Builder toolCalls(List<ToolCall> value) { toolCalls = value; return this; }

        /** @param value set on the last chunk of a choice, else {@code null} @return this builder */
        public Builder finishReason(String value) { finishReason = value; return this; }

        /** @param value tokens used, when reported, else {@code null} @return this builder */
        public Builder usage(Usage value) { usage = value; return this; }

        /** @return the chunk */
        public ChatChunk build() {
            return new ChatChunk(this);
        }
    }
}
