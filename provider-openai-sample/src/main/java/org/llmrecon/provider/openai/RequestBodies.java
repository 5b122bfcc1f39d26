package org.llmrecon.provider.openai;

import java.io.IOException;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.InvalidRequestException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes request bodies in the OpenAI format. Only fields the caller set are sent, so strict compatible
 * servers see nothing they did not ask for.
 */
final class RequestBodies {
    private final ProviderSettings settings;
    private final ParamValues params;

    RequestBodies(ProviderSettings settings) {
        this.settings = settings;
        this.params = new ParamValues(settings.params());
    }

    String model(String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        if (settings.defaultModel() == null) {
            throw new InvalidRequestException(settings.type() + ": the request names no model and no defaultModel is configured",
                    0, "model", null);
        }
        return settings.defaultModel();
    }

    ObjectNode chat(ChatRequest request, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        String model = model(request.model());
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.add(withParts(ChatJson.message(m), m)));
        if (stream) {
            body.put("stream", true);
            JsonNode options = params.streamOptions("chat");
            if (options == null && "api.openai.com".equalsIgnoreCase(settings.baseUri().getHost())) {
                options = Json.MAPPER.createObjectNode().put("include_usage", true);
            }
            if (options != null && !options.isNull()) {
                body.set(ParamValues.STREAM_OPTIONS, options);
            }
        }
        if (request.maxTokens() != null) {
            body.put(ModelCatalog.usesMaxCompletionTokens(model) ? "max_completion_tokens" : "max_tokens", request.maxTokens());
        }
        putIfSet(body, "temperature", request.temperature());
        putIfSet(body, "top_p", request.topP());
        if (request.n() != null) {
            body.put("n", request.n());
        }
        if (!request.stop().isEmpty()) {
            request.stop().forEach(body.putArray("stop")::add);
        }
        putIfSet(body, "presence_penalty", request.presencePenalty());
        putIfSet(body, "frequency_penalty", request.frequencyPenalty());
        if (!request.logitBias().isEmpty()) {
            ObjectNode bias = body.putObject("logit_bias");
            request.logitBias().forEach(bias::put);
        }
        if (request.user() != null) {
            body.put("user", request.user());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(t -> tools.add(ChatJson.tool(settings.type(), t)));
        }
        if (request.toolChoice() != null && !request.toolChoice().isBlank()) {
            body.set("tool_choice", ChatJson.toolChoice(request.toolChoice()));
        }
        if (request.responseFormat() != null && !request.responseFormat().isBlank()) {
            body.set("response_format", ResponseFormat.of(settings.type(), request.responseFormat()));
        }
        if (!request.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject("metadata");
            request.metadata().forEach(metadata::put);
        }
        params.mergeInto(body, "chat");
        return body;
    }

    /** A message with an image sends its parts as OpenAI's content array; a text-only one keeps its string. */
    private ObjectNode withParts(ObjectNode node, ChatMessage message) {
        if (!message.hasImages()) {
            return node;
        }
        ArrayNode content = node.putArray("content");
        for (ContentPart part : message.parts()) {
            if (part instanceof ContentPart.Text text) {
                content.addObject().put("type", "text").put("text", text.text());
            } else if (part instanceof ContentPart.ImageUrl url) {
                content.addObject().put("type", "image_url").putObject("image_url").put("url", url.url());
            } else if (part instanceof ContentPart.ImageData data) {
                content.addObject().put("type", "image_url").putObject("image_url").put("url", data.dataUrl());
            } else {
                throw new InvalidRequestException(settings.type() + ": a message part of kind " + part.getClass().getSimpleName()
                        + " cannot be sent", 0, "messages", null);
            }
        }
        return node;
    }

    ObjectNode completion(CompletionRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model(request.model()));
        body.put("prompt", request.prompt() == null ? "" : request.prompt());
        if (request.maxTokens() != null) {
            body.put("max_tokens", request.maxTokens());
        }
        putIfSet(body, "temperature", request.temperature());
        putIfSet(body, "top_p", request.topP());
        if (request.n() != null) {
            body.put("n", request.n());
        }
        if (!request.stop().isEmpty()) {
            request.stop().forEach(body.putArray("stop")::add);
        }
        if (request.user() != null) {
            body.put("user", request.user());
        }
        params.mergeInto(body, "completions");
        return body;
    }

    ObjectNode embeddings(EmbeddingRequest request) {
        if (request.input().isEmpty()) {
            throw new InvalidRequestException(settings.type() + ": an embeddings request needs at least one input", 0, "input", null);
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model(request.model()));
        request.input().forEach(body.putArray("input")::add);
        if (request.user() != null) {
            body.put("user", request.user());
        }
        params.mergeInto(body, "embeddings");
        return body;
    }

    static JsonNode jsonObject(String type, String text, String param, String problem) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below as one line
        }
        throw new InvalidRequestException(type + ": " + problem, 0, param, null);
    }

    private static void putIfSet(ObjectNode body, String field, Double value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
