package org.llmrecon.provider.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ChatResponse;
import org.llmrecon.api.provider.ContentPart;

class ImageDescriptionTest {

    private static final byte[] PIXEL = "not really a png".getBytes(StandardCharsets.US_ASCII);

    @Test
    void answersAnImageWithItsTypeSizeAndHashPrefix() {
        ChatResponse response = Mocks.provider("reply", "{prompt}").chat(ChatRequest.builder()
                .user("what is this?", ContentPart.image("image/png", PIXEL),
                        ContentPart.imageUrl("https://example.test/cat.jpg"))
                .build());
        // sha256("not really a png") starts with e90137d39de3 (sha256sum)
        assertEquals("what is this?\n[image image/png, 16 bytes, sha256 e90137d39de3]\n"
                + "[image https://example.test/cat.jpg]", response.text());
    }

    @Test
    void aStreamedAnswerDescribesTheSameParts() {
        ChatRequest request = ChatRequest.builder().user("look", ContentPart.imageUrl("https://h.test/a.png")).build();
        StringBuilder streamed = new StringBuilder();
        ChatResponse response = Mocks.provider("reply", "{prompt}").chatStream(request, chunk -> {
            streamed.append(chunk.content());
            return true;
        });
        assertEquals(response.text(), streamed.toString());
        assertEquals(Mocks.provider("reply", "{prompt}").chat(request).text(), response.text());
    }

    @Test
    void textOnlyMessagesAreUnchanged() {
        assertEquals("Echo: hello there", Mocks.provider().chat(Mocks.hello()).text());
    }
}
