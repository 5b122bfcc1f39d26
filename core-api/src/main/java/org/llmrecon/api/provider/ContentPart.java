package org.llmrecon.api.provider;

import java.util.Base64;
import java.util.Objects;

/**
 * One part of a message's content: text, an image by URL, or an image as
 * base64 data with its media type. New kinds of parts may be added in a minor
 * release, so code that switches over parts should handle one it does not
 * know (for example by refusing the request).
 *
 * @since 1.0.0
 */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.ImageUrl, ContentPart.ImageData {

    /** @return whether this part is an image */
    default boolean isImage() {
        return !(this instanceof Text);
    }

    /** @param text the text @return a text part */
    static Text text(String text) {
        return new Text(text);
    }

    /** @param url an {@code http(s)} URL of the image @return an image part */
    static ImageUrl imageUrl(String url) {
        return new ImageUrl(url);
    }

    /**
     * @param mediaType the image's media type, e.g. {@code image/png}
     * @param bytes the image
     * @return an image part carrying the bytes as base64
     */
    static ImageData image(String mediaType, byte[] bytes) {
        return new ImageData(mediaType, Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * A text part.
     *
     * @param text the text
     * @since 1.0.0
     */
    record Text(String text) implements ContentPart {
        /** Checks the text. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image the provider fetches from a URL.
     *
     * @param url the image's URL
     * @since 1.0.0
     */
    record ImageUrl(String url) implements ContentPart {
        /** Checks the URL. */
        public ImageUrl {
            Objects.requireNonNull(url, "url");
            if (url.isBlank()) {
                throw new IllegalArgumentException("image URL is empty");
            }
        }
    }

    /**
     * An image sent inline.
     *
     * @param mediaType the image's media type, e.g. {@code image/png}
     * @param base64 the image, base64 encoded
     * @since 1.0.0
     */
    record ImageData(String mediaType, String base64) implements ContentPart {
        /** Checks the media type and the data. */
        public ImageData {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(base64, "base64");
            if (!mediaType.startsWith("image/")) {
                throw new IllegalArgumentException("media type '" + mediaType + "' is not an image type");
            }
        }

        /** @return the image's bytes */
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }

        /** @return a {@code data:} URL holding the image */
        public String dataUrl() {
            return "data:" + mediaType + ";base64," + base64;
        }

        /** The data is left out: an image can be megabytes long. */
        @Override
        public String toString() {
            return "ImageData[mediaType=" + mediaType + ", base64 chars=" + base64.length() + "]";
        }
    }
}
