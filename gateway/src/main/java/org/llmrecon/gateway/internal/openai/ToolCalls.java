package org.llmrecon.gateway.internal.openai;

import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.provider.ToolCall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Tool calls in OpenAI's shape, both ways: an assistant message's {@code tool_calls} in, a reply's out. */
final class ToolCalls {
    private ToolCalls() {
    }

    static List<ToolCall> read(JsonNode calls, String path) {
        if (!calls.isArray()) {
            throw GatewayException.badField(path, "must be an array");
        }
        List<ToolCall> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            JsonNode c = calls.get(i);
            String at = path + "[" + i + "]";
            JsonNode f = c.path("function");
            out.add(new ToolCall(Fields.text(c, "id", at + ".id"), c.path("type").asText("function"),
                    Fields.requiredText(f, "name", at + ".function.name"),
                    f.path("arguments").isTextual() ? f.get("arguments").asText() : f.path("arguments").toString()));
        }
        return out;
    }

    static ArrayNode write(List<ToolCall> calls, boolean indexed) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            var node = out.addObject();
            if (indexed) {
                node.put("index", i);
            }
            node.put("id", c.id()).put("type", c.type() == null ? "function" : c.type());
            node.putObject("function").put("name", c.name()).put("arguments", c.arguments());
        }
        return out;
    }
}
