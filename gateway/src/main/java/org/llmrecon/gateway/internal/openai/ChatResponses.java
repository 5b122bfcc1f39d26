package org.llmrecon.gateway.internal.openai;

import org.llmrecon.api.provider.ChatChoice;
import org.llmrecon.api.provider.ChatChunk;
import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.Usage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Chat answers in OpenAI's shapes: a {@code chat.completion} and {@code chat.completion.chunk}s. */
final class ChatResponses {
    private ChatResponses() {
    }

    static ObjectNode completion(ChatResponse r, String model) {
        ObjectNode root = head(r.id(), "chat.completion", r.created(), model);
        var choices = root.putArray("choices");
        for (ChatChoice c : r.choices()) {
            ObjectNode choice = choices.addObject().put("index", c.index());
            ChatMessage m = c.message();
            ObjectNode message = choice.putObject("message").put("role", m == null ? "assistant" : m.role());
            message.put("content", m == null ? "" : m.content());
            if (m != null && !m.toolCalls().isEmpty()) {
                message.set("tool_calls", ToolCalls.write(m.toolCalls(), false));
            }
            choice.put("finish_reason", c.finishReason());
        }
        root.set("usage", usage(r.usage()));
        return root;
    }

    static ObjectNode chunk(ChatChunk c, String id, long created, String model, boolean first) {
        ObjectNode root = head(id, "chat.completion.chunk", created, model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", c.index());
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant");
        }
        if (!c.content().isEmpty() || first) {
            delta.put("content", c.content());
        }
        if (!c.toolCalls().isEmpty()) {
            delta.set("tool_calls", ToolCalls.write(c.toolCalls(), true));
        }
        choice.put("finish_reason", c.finishReason());
        return root;
    }

    /** @return the last chunk when the client asked for usage: no choices, the usage */
    static ObjectNode usageChunk(Usage usage, String id, long created, String model) {
        ObjectNode root = head(id, "chat.completion.chunk", created, model);
        root.putArray("choices");
        root.set("usage", usage(usage));
        return root;
    }

    static ObjectNode usage(Usage u) {
        Usage v = u == null ? Usage.NONE : u;
        return JsonNodeFactory.instance.objectNode().put("prompt_tokens", v.promptTokens())
                .put("completion_tokens", v.completionTokens()).put("total_tokens", v.totalTokens());
    }

    static ObjectNode head(String id, String object, long created, String model) {
        return JsonNodeFactory.instance.objectNode().put("id", id == null || id.isBlank() ? "chatcmpl-gateway" : id)
                .put("object", object).put("created", created > 0 ? created : System.currentTimeMillis() / 1000)
                .put("model", model);
    }
}
