package org.llmrecon.runtime.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.llmrecon.api.provider.ContentPart;

/**
 * The value of {@code llm:chat --image}: an {@code http(s)} URL is sent as
 * is, a file is sent inline with its media type, recognised from its first
 * bytes or else from its extension (png, jpeg, gif, webp).
 */
final class ImageArgument {
    private static final Map<String, String> EXTENSIONS = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");

    private ImageArgument() {
    }

    static ContentPart parse(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return ContentPart.imageUrl(value);
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--image '" + Text.clean(value) + "': no such file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--image '" + Text.clean(value) + "': cannot read: " + e.getMessage());
        }
        String mediaType = fromContent(bytes);
        if (mediaType == null) {
            String name = file.getFileName().toString();
            mediaType = EXTENSIONS.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        }
        if (mediaType == null) {
            throw new IllegalArgumentException("--image '" + Text.clean(value)
                    + "': not a png, jpeg, gif or webp image");
        }
        return ContentPart.image(mediaType, bytes);
    }

    private static String fromContent(byte[] b) {
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        if (startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, ascii("GIF8"))) {
            return "image/gif";
        }
        if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
