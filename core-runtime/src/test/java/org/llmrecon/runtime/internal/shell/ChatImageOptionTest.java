package org.llmrecon.runtime.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmrecon.api.provider.ContentPart;

class ChatImageOptionTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0};

    private final FakeProviders fake = new FakeProviders();
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true);

    @TempDir
    Path dir;

    private List<ContentPart> sent(String image) {
        new ChatCommand(fake).stream(out, "", "", "", image, "echo", "what is it");
        return fake.requests.get(fake.requests.size() - 1).messages().get(0).parts();
    }

    @Test
    void aFileIsSentInlineWithTheTypeItsBytesShow() throws IOException {
        Path file = Files.write(dir.resolve("shot.bin"), PNG);
        assertEquals(List.of(ContentPart.text("what is it"), ContentPart.image("image/png", PNG)),
                sent(file.toString()));
    }

    @Test
    void theExtensionNamesTheTypeWhenTheBytesDoNot() throws IOException {
        Path file = Files.write(dir.resolve("photo.JPG"), new byte[] {1, 2});
        assertEquals(ContentPart.image("image/jpeg", new byte[] {1, 2}), sent(file.toString()).get(1));
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
        assertEquals(ContentPart.image("image/webp", webp),
                sent(Files.write(dir.resolve("x"), webp).toString()).get(1));
    }

    @Test
    void aUrlIsSentAsIs() {
        assertEquals(ContentPart.imageUrl("https://h.test/cat.gif"), sent("https://h.test/cat.gif").get(1));
    }

    @Test
    void aMissingFileOrAnUnknownTypeIsOneLine() throws IOException {
        Path missing = dir.resolve("nope.png");
        assertEquals("--image '" + missing + "': no such file",
                assertThrows(IllegalArgumentException.class, () -> sent(missing.toString())).getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertEquals("--image '" + text + "': not a png, jpeg, gif or webp image",
                assertThrows(IllegalArgumentException.class, () -> sent(text.toString())).getMessage());
        assertTrue(fake.requests.isEmpty());
    }
}
