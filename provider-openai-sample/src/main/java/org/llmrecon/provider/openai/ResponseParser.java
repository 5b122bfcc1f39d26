package org.llmrecon.provider.openai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.llmrecon.api.provider.ChatChoice;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.CompletionChoice;
import org.llmrecon.api.provider.CompletionResponse;
import org.llmrecon.api.provider.Embedding;
import org.llmrecon.api.provider.EmbeddingResponse;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ToolCall;
import org.llmrecon.api.provider.Usage;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads OpenAI answers into the core API's records; a missing required part is a malformed answer. */
final class ResponseParser {
    private ResponseParser() {
    }

    static ChatResponse chat(String type, String call, JsonNode root) {
        List<ChatChoice> choices = new ArrayList<>();
        for (JsonNode choice : array(type, call, root, "choices")) {
            JsonNode message = choice.path("message");
            if (!message.isObject()) {
                throw malformed(type, call, "a choice has no message");
            }
            choices.add(new ChatChoice(choice.path("index").asInt(choices.size()), message(message),
                    Json.text(choice.get("finish_reason"))));
        }
        return ChatResponse.builder().id(Json.text(root.get("id"))).object(root.path("object").asText("chat.completion"))
                .created(root.path("created").asLong()).model(Json.text(root.get("model"))).choices(choices)
                .usage(usage(root.path("usage"))).build();
    }

    static CompletionResponse completion(String type, String call, JsonNode root) {
        List<CompletionChoice> choices = new ArrayList<>();
        for (JsonNode choice : array(type, call, root, "choices")) {
            if (!choice.path("text").isTextual()) {
                throw malformed(type, call, "a choice has no text");
            }
            choices.add(new CompletionChoice(choice.path("index").asInt(choices.size()), choice.get("text").asText(),
                    Json.text(choice.get("finish_reason"))));
        }
        return new CompletionResponse(Json.text(root.get("id")), root.path("created").asLong(),
                Json.text(root.get("model")), choices, usage(root.path("usage")));
    }

    static EmbeddingResponse embeddings(String type, String call, JsonNode root) {
        List<Embedding> data = new ArrayList<>();
        for (JsonNode item : array(type, call, root, "data")) {
            JsonNode values = item.path("embedding");
            if (!values.isArray()) {
                throw malformed(type, call, "an embedding is not an array of numbers (base64 is not requested)");
            }
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                if (!values.get(i).isNumber()) {
                    throw malformed(type, call, "an embedding holds a value that is not a number");
                }
                vector[i] = component(type, call, values.get(i).doubleValue());
            }
            data.add(new Embedding(item.path("index").asInt(data.size()), vector));
        }
        data.sort(Comparator.comparingInt(Embedding::index));
        return new EmbeddingResponse(Json.text(root.get("model")), data, usage(root.path("usage")));
    }

    /**
     * A value a float cannot hold is malformed (it would become an infinity, which JSON cannot carry on), except
     * the limit itself written with too few digits, as generated answers do: that is kept at the limit.
     */
    private static float component(String type, String call, double value) {
        float f = (float) value;
        if (Float.isFinite(f)) {
            return f;
        }
        if (Math.abs(value) <= Float.MAX_VALUE * (1 + 1e-6)) {
            return Math.copySign(Float.MAX_VALUE, (float) value);
        }
        throw malformed(type, call, "an embedding holds " + value + ", beyond the range of a float");
    }

    static List<ModelInfo> models(String type, String call, JsonNode root) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode item : array(type, call, root, "data")) {
            models.add(model(type, call, item));
        }
        return models;
    }

    static ModelInfo model(String type, String call, JsonNode item) {
        if (!item.path("id").isTextual()) {
            throw malformed(type, call, "a model has no id");
        }
        String owner = Json.text(item.get("owned_by"));
        return ModelCatalog.info(item.get("id").asText(), owner == null ? null : "owned by " + owner);
    }

    static ChatMessage message(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            calls.add(new ToolCall(Json.text(call.get("id")), call.path("type").asText("function"),
                    Json.text(function.get("name")), Json.text(function.get("arguments"))));
        }
        JsonNode legacy = message.path("function_call");
        if (calls.isEmpty() && legacy.isObject()) {
            calls.add(new ToolCall(null, "function", Json.text(legacy.get("name")), Json.text(legacy.get("arguments"))));
        }
        return ChatMessage.builder(message.path("role").asText("assistant")).content(Json.text(message.get("content")))
                .name(Json.text(message.get("name"))).toolCalls(calls).build();
    }

    static Usage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return Usage.NONE;
        }
        int prompt = usage.path("prompt_tokens").asInt();
        int completion = usage.path("completion_tokens").asInt();
        return new Usage(prompt, completion, usage.path("total_tokens").asInt(prompt + completion));
    }

    private static JsonNode array(String type, String call, JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw malformed(type, call, "the answer has no '" + field + "' array");
        }
        return node;
    }

    static MalformedResponseException malformed(String type, String call, String problem) {
        return new MalformedResponseException(type + ": " + call + " answer is malformed: " + problem, null);
    }
}
