package org.llmrecon.gateway.internal.openai;

import java.util.Base64;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ContentPart;

import com.fasterxml.jackson.databind.JsonNode;

/** A message's {@code content}: a string, or parts of text and images ({@code image_url}, by URL or data URL). */
final class MessageContent {
    private MessageContent() {
    }

    static void read(JsonNode content, String path, ChatMessage.Builder b) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            b.content(content.asText());
            return;
        }
        if (!content.isArray()) {
            throw GatewayException.badField(path, "must be a string or an array of parts");
        }
        for (int i = 0; i < content.size(); i++) {
            b.part(part(content.get(i), path + "[" + i + "]"));
        }
    }

    private static ContentPart part(JsonNode part, String path) {
        String type = Fields.requiredText(part, "type", path + ".type");
        switch (type) {
            case "text":
                String text = Fields.text(part, "text", path + ".text");
                return ContentPart.text(text == null ? "" : text);
            case "image_url":
                JsonNode image = part.get("image_url");
                String url = image != null && image.isTextual() ? image.asText()
                        : Fields.requiredText(image == null ? part : image, "url", path + ".image_url.url");
                return url.startsWith("data:") ? dataUrl(url, path + ".image_url.url") : ContentPart.imageUrl(url);
            default:
                throw GatewayException.badField(path + ".type", "must be text or image_url, not '" + type + "'");
        }
    }

    private static ContentPart dataUrl(String url, String path) {
        int comma = url.indexOf(',');
        String head = comma < 0 ? "" : url.substring(5, comma);
        if (comma < 0 || !head.endsWith(";base64")) {
            throw GatewayException.badField(path, "a data URL must be data:MEDIA_TYPE;base64,DATA");
        }
        try {
            return ContentPart.image(head.substring(0, head.length() - ";base64".length()),
                    Base64.getDecoder().decode(url.substring(comma + 1)));
        } catch (IllegalArgumentException e) {
            throw GatewayException.badField(path, "the image data is not base64");
        }
    }
}
