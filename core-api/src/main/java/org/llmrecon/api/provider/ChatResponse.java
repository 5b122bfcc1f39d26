package org.llmrecon.api.provider;

import java.util.List;
import java.util.Objects;

/**
 * A chat completion response. A class with a {@link Builder} rather than a
 * record: the APIs it maps from keep adding response fields (system
 * fingerprint, service tier), and adding one must stay a minor change.
 *
 * @since 1.0.0
 */
public final class ChatResponse {
    private final String id;
    private final String object;
    private final long created;
    private final String model;
    private final List<ChatChoice> choices;
    private final Usage usage;

    private ChatResponse(Builder b) {
        id = b.id;
        object = b.object;
        created = b.created;
        model = b.model;
        choices = b.choices == null ? List.of() : List.copyOf(b.choices);
        usage = b.usage == null ? Usage.NONE : b.usage;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().id(id).object(object).created(created).model(model).choices(choices).usage(usage);
    }

    /** @return the response id */
    public String id() { return id; }

    /** @return the object type, e.g. {@code chat.completion} */
    public String object() { return object; }

    /** @return creation time in seconds since the epoch */
    public long created() { return created; }

    /** @return the model that answered */
    public String model() { return model; }

    /** @return the choices */
    public List<ChatChoice> choices() { return choices; }

    /** @return tokens used, {@link Usage#NONE} when not reported */
    public Usage usage() { return usage; }

    /** @return the content of the first choice, or an empty string */
    public String text() {
        if (choices.isEmpty() || choices.get(0).message() == null || choices.get(0).message().content() == null) {
            return "";
        }
        return choices.get(0).message().content();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatResponse x
                && Objects.equals(id, x.id)
                && Objects.equals(object, x.object)
                && created == x.created
                && Objects.equals(model, x.model)
                && Objects.equals(choices, x.choices)
                && Objects.equals(usage, x.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, object, created, model, choices, usage);
    }

    @Override
    public String toString() {
        return "ChatResponse[id=" + id + ", object=" + object + ", created=" + created + ", model=" + model
                + ", choices=" + choices + ", usage=" + usage + "]";
    }

    /**
     * Builds a {@link ChatResponse}.
     *
     * @since 1.0.0
     */
    public static final class Builder {
        private String id;
        private String object;
        private long created;
        private String model;
        private List<ChatChoice> choices;
        private Usage usage;

        Builder() {
        }

        /** @param value the response id @return this builder */
        public Builder id(String value) { id = value; return this; }

        /** @param value the object type, e.g. {@code chat.completion} @return this builder */
        public Builder object(String value) { object = value; return this; }

        /** @param value creation time in seconds since the epoch @return this builder */
        public Builder created(long value) { created = value; return this; }

        /** @param value the model that answered @return this builder */
        public Builder model(String value) { model = value; return this; }

        /** @param value the choices @return this builder */
        public Builder choices(List<ChatChoice> value) { choices = value; return this; }

        /** @param value tokens used, {@link Usage#NONE} when not reported @return this builder */
        public Builder usage(Usage value) { usage = value; return this; }

        /** @return the response */
        public ChatResponse build() {
            return new ChatResponse(this);
        }
    }
}
