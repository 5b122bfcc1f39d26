package org.llmrecon.provider.mock;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ContentPart;

/**
 * What the mock "sees" in a message: its text, then one bracketed line per
 * image - the URL, or the media type, size and a SHA-256 prefix of inline
 * data - so a test can check which image arrived without a real model.
 */
final class ImageDescription {
    private ImageDescription() {
    }

    /** @return the message's text followed by a description of each image; empty when there is neither */
    static String of(ChatMessage message) {
        List<String> lines = new ArrayList<>();
        for (ContentPart part : message.parts()) {
            if (part instanceof ContentPart.Text text) {
                lines.add(text.text());
            } else if (part instanceof ContentPart.ImageUrl url) {
                lines.add("[image " + url.url() + "]");
            } else if (part instanceof ContentPart.ImageData data) {
                byte[] bytes = data.bytes();
                lines.add("[image " + data.mediaType() + ", " + bytes.length + " bytes, sha256 "
                        + sha256(bytes).substring(0, 12) + "]");
            } else {
                lines.add("[unsupported part " + part.getClass().getSimpleName() + "]");
            }
        }
        return String.join("\n", lines);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
