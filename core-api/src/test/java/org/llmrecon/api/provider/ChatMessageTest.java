package org.llmrecon.api.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChatMessageTest {

    private static final byte[] BYTES = {1, 2, 3, (byte) 0xff};

    @Test
    void aTextMessageHasOneTextPartAndItsContent() {
        ChatMessage m = ChatMessage.user("hi");
        assertEquals("hi", m.content());
        assertEquals(List.of(ContentPart.text("hi")), m.parts());
        assertFalse(m.hasImages());
    }

    @Test
    void aMessageWithImagesJoinsItsTextParts() {
        ChatMessage m = ChatMessage.builder("user").content("first").part(ContentPart.imageUrl("https://h.test/x.png"))
                .part(ContentPart.text("second")).build();
        assertEquals("first\nsecond", m.content());
        assertEquals(3, m.parts().size());
        assertTrue(m.hasImages());
    }

    @Test
    void imagesWithoutTextHaveEmptyContentAndTextAfterAnImageIsKept() {
        ContentPart image = ContentPart.imageUrl("https://h.test/x.png");
        assertEquals("", ChatMessage.builder("user").part(image).build().content());
        assertEquals("", ChatMessage.builder("user").part(image).part(image).build().content());
        assertEquals("after", ChatMessage.builder("user").part(image).part(ContentPart.text("after")).build().content());
        assertEquals("a\n\nb", ChatMessage.builder("user").part(ContentPart.text("a")).part(ContentPart.text(""))
                .part(ContentPart.text("b")).build().content());
    }

    @Test
    void noContentIsNull() {
        ChatMessage m = ChatMessage.builder("assistant").toolCalls(List.of(new ToolCall("c", "function", "f", "{}")))
                .build();
        assertNull(m.content());
        assertEquals(List.of(), m.parts());
    }

    @Test
    void equalityCoversEveryField() {
        ChatMessage a = ChatMessage.user("look", ContentPart.image("image/png", BYTES));
        assertEquals(a, ChatMessage.user("look", ContentPart.image("image/png", BYTES)));
        assertEquals(a.hashCode(), ChatMessage.user("look", ContentPart.image("image/png", BYTES)).hashCode());
        assertEquals(a, a.toBuilder().build());
        assertNotEquals(a, a.toBuilder().name("n").build());
        assertNotEquals(a, ChatMessage.user("look", ContentPart.image("image/gif", BYTES)));
        assertNotEquals(a, ChatMessage.user("look"));
    }

    @Test
    void imageDataKeepsItsBytesAndMakesADataUrl() {
        ContentPart.ImageData image = ContentPart.image("image/webp", BYTES);
        assertArrayEquals(BYTES, image.bytes());
        assertEquals("data:image/webp;base64,AQID/w==", image.dataUrl());
        assertEquals("ImageData[mediaType=image/webp, base64 chars=8]", image.toString());
        assertTrue(image.isImage());
        assertFalse(ContentPart.text("t").isImage());
    }

    @Test
    void anImagePartNeedsAnImageTypeAndAUrl() {
        assertEquals("media type 'text/plain' is not an image type",
                assertThrows(IllegalArgumentException.class, () -> ContentPart.image("text/plain", BYTES))
                        .getMessage());
        assertEquals("image URL is empty",
                assertThrows(IllegalArgumentException.class, () -> ContentPart.imageUrl(" ")).getMessage());
    }
}
