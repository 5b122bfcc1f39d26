package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.ProviderConfig;

import com.fasterxml.jackson.databind.JsonNode;

class ImagePartsBodyTest {

    private static JsonNode body(ChatRequest request) {
        return new RequestBodies(ProviderSettings.from(ProviderConfig.builder("openai").apiKey(OpenAiProviderTest.KEY)
                .build())).chat(request, false);
    }

    @Test
    void imagePartsBecomeOpenAisContentArray() {
        JsonNode body = body(ChatRequest.builder().model("gpt-4o").system("be brief")
                .user("what is this?", ContentPart.imageUrl("https://h.test/cat.jpg"),
                        ContentPart.image("image/png", new byte[] {1, 2, 3}))
                .build());
        assertEquals("be brief", body.at("/messages/0/content").asText());
        assertEquals("""
                [{"type":"text","text":"what is this?"},\
                {"type":"image_url","image_url":{"url":"https://h.test/cat.jpg"}},\
                {"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}}]""",
                body.at("/messages/1/content").toString());
    }

    @Test
    void aTextOnlyMessageKeepsAStringContent() {
        assertEquals("hi", body(ChatRequest.builder().model("gpt-4o").user("hi").build())
                .at("/messages/0/content").textValue());
    }
}
