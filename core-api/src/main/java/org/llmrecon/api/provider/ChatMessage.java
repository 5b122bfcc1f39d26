package org.llmrecon.api.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One message of a chat. Its content is a list of {@link ContentPart}s; a
 * text-only message has one text part. A class with a {@link Builder} rather
 * than a record: messages gain fields (audio, citations), and adding one must
 * stay a minor change.
 *
 * @since 1.0.0
 */
public final class ChatMessage {
    private final String role;
    private final List<ContentPart> parts;
    private final String content;
    private final String name;
    private final List<ToolCall> toolCalls;
    private final String toolCallId;

    private ChatMessage(Builder b) {
        role = Objects.requireNonNull(b.role, "role");
        parts = List.copyOf(b.parts);
        content = text(parts);
        name = b.name;
        toolCalls = List.copyOf(b.toolCalls);
        toolCallId = b.toolCallId;
    }

    /** The text parts joined by new lines ("" when there are none), null without parts; on every call's path. */
    private static String text(List<ContentPart> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0) instanceof ContentPart.Text t ? t.text() : "";
        }
        StringJoiner joined = new StringJoiner("\n");
        for (ContentPart p : parts) {
            if (p instanceof ContentPart.Text t) {
                joined.add(t.text());
            }
        }
        return joined.toString();
    }

    /** @param role {@code system}, {@code user}, {@code assistant} or {@code tool} @return a builder */
    public static Builder builder(String role) {
        return new Builder(role);
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder(role).parts(parts).name(name).toolCalls(toolCalls).toolCallId(toolCallId);
    }

    /** @param content the text @return a system message */
    public static ChatMessage system(String content) {
        return builder("system").content(content).build();
    }

    /** @param content the text @return a user message */
    public static ChatMessage user(String content) {
        return builder("user").content(content).build();
    }

    /**
     * @param text the text
     * @param images images (or other parts) that follow the text
     * @return a user message with text and images
     */
    public static ChatMessage user(String text, ContentPart... images) {
        Builder b = builder("user").content(text);
        for (ContentPart image : images) {
            b.part(image);
        }
        return b.build();
    }

    /** @param content the text @return an assistant message */
    public static ChatMessage assistant(String content) {
        return builder("assistant").content(content).build();
    }

    /** @return {@code system}, {@code user}, {@code assistant} or {@code tool} */
    public String role() { return role; }

    /**
     * @return the text: of a text-only message as given, otherwise the text parts joined by new lines;
     *         {@code null} when there are no parts (an assistant message with tool calls)
     */
    public String content() { return content; }

    /** @return the parts of the content, in order; empty when there is no content */
    public List<ContentPart> parts() { return parts; }

    /** @return whether a part is an image */
    public boolean hasImages() {
        return parts.stream().anyMatch(ContentPart::isImage);
    }

    /** @return an optional participant name, or {@code null} */
    public String name() { return name; }

    /** @return tool calls requested by the assistant */
    public List<ToolCall> toolCalls() { return toolCalls; }

    /** @return the call a {@code tool} message answers, or {@code null} */
    public String toolCallId() { return toolCallId; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatMessage m && role.equals(m.role) && parts.equals(m.parts)
                && Objects.equals(name, m.name) && toolCalls.equals(m.toolCalls)
                && Objects.equals(toolCallId, m.toolCallId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, parts, name, toolCalls, toolCallId);
    }

    @Override
    public String toString() {
        return "ChatMessage[role=" + role + ", parts=" + parts + ", name=" + name + ", toolCalls=" + toolCalls
                + ", toolCallId=" + toolCallId + "]";
    }

    /**
     * Builds a {@link ChatMessage}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private final String role;
        private final List<ContentPart> parts = new ArrayList<>();
        private String name;
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private String toolCallId;

        Builder(String role) {
            this.role = Objects.requireNonNull(role, "role");
        }

        /** @param text the text, replacing all parts; {@code null} for none @return this builder */
        public Builder content(String text) {
            parts.clear();
            if (text != null) {
                parts.add(ContentPart.text(text));
            }
            return this;
        }

        /** @param value a part to append @return this builder */
        public Builder part(ContentPart value) { parts.add(Objects.requireNonNull(value, "part")); return this; }

        /** @param values the parts, replacing all parts @return this builder */
        public Builder parts(List<ContentPart> values) {
            parts.clear();
            values.forEach(this::part);
            return this;
        }

        /** @param value a participant name @return this builder */
        public Builder name(String value) { name = value; return this; }

        /** @param values the tool calls @return this builder */
        public Builder toolCalls(List<ToolCall> values) {
            toolCalls.clear();
            if (values != null) {
                toolCalls.addAll(values);
            }
            return this;
        }

        /** @param value the call a {@code tool} message answers @return this builder */
        public Builder toolCallId(String value) { toolCallId = value; return this; }

        /** @return the message */
        public ChatMessage build() {
            return new ChatMessage(this);
        }
    }
}
