package org.llmrecon.gateway.internal.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.Tool;

class ChatRequestsTest {

    private static ChatRequest parse(String json) {
        return ChatRequests.of(JsonBody.parse(json.getBytes(StandardCharsets.UTF_8)), "m");
    }

    private static GatewayException fault(String json) {
        return assertThrows(GatewayException.class, () -> parse(json));
    }

    @Test
    void passesMessagesToolsImagesAndResponseFormatThrough() {
        ChatRequest r = parse("""
                {"model":"t/m","messages":[
                  {"role":"developer","content":"be brief"},
                  {"role":"user","content":[{"type":"text","text":"what is it?"},
                    {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0K"}},
                    {"type":"image_url","image_url":{"url":"https://example.org/a.png"}}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                    "function":{"name":"look","arguments":"{\\"x\\":1}"}}]},
                  {"role":"tool","tool_call_id":"c1","content":"done"}],
                 "tools":[{"type":"function","function":{"name":"look","parameters":{"type":"object"}}}],
                 "tool_choice":{"type":"function","function":{"name":"look"}},
                 "response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{}}},
                 "max_completion_tokens":20,"temperature":0.5,"stop":"END","logit_bias":{"50256":-100}}""");
        assertEquals("m", r.model());
        assertEquals("system", r.messages().get(0).role());
        List<ContentPart> parts = r.messages().get(1).parts();
        assertEquals(new ContentPart.Text("what is it?"), parts.get(0));
        assertInstanceOf(ContentPart.ImageData.class, parts.get(1));
        assertEquals(new ContentPart.ImageUrl("https://example.org/a.png"), parts.get(2));
        assertEquals("look", r.messages().get(2).toolCalls().get(0).name());
        assertEquals("{\"x\":1}", r.messages().get(2).toolCalls().get(0).arguments());
        assertEquals("c1", r.messages().get(3).toolCallId());
        assertEquals(List.of(Tool.function("look", null, "{\"type\":\"object\"}")), r.tools());
        assertEquals("look", r.toolChoice());
        assertEquals("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a\",\"schema\":{}}}", r.responseFormat());
        assertEquals(20, r.maxTokens());
        assertEquals(List.of("END"), r.stop());
        assertEquals(-100, r.logitBias().get("50256"));
    }

    @Test
    void aBadFieldIs400NamingIt() {
        assertEquals("messages", fault("{\"messages\":[]}").param());
        assertEquals("messages[0].role", fault("{\"messages\":[{\"role\":\"robot\"}]}").param());
        assertEquals("temperature", fault("{\"temperature\":3,\"messages\":[{\"role\":\"user\"}]}").param());
        assertEquals("n", fault("{\"n\":1.5,\"messages\":[{\"role\":\"user\"}]}").param());
        assertEquals("response_format.type",
                fault("{\"response_format\":{\"type\":\"yaml\"},\"messages\":[{\"role\":\"user\"}]}").param());
        GatewayException image = fault("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png,raw\"}}]}]}");
        assertEquals("messages[0].content[0].image_url.url", image.param());
        assertEquals(400, image.status());
    }

    @Test
    void aBodyThatIsNoJsonObjectIs400() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> JsonBody.parse("[1]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        assertEquals("invalid_json", e.code());
    }
}
