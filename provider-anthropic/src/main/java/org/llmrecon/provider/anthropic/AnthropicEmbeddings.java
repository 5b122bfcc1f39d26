package org.llmrecon.provider.anthropic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic embeddings: SHA-256 of the text (and a block counter) spread
 * over the dimensions, scaled to a unit vector. Equal texts get equal
 * vectors; different texts get practically unrelated ones.
 */
final class AnthropicEmbeddings {

    private AnthropicEmbeddings() {
    }

    static float[] vector(String text, int dimensions) {
        byte[] input = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        float[] vector = new float[dimensions];
        ByteBuffer block = ByteBuffer.allocate(0);
        double squares = 0;
        for (int i = 0; i < dimensions; i++) {
            if (!block.hasRemaining()) {
                block = ByteBuffer.wrap(sha256(i / 16, input));
            }
            vector[i] = (block.getShort() / 32768f);
            squares += (double) vector[i] * vector[i];
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < dimensions && norm > 0; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static byte[] sha256(int counter, byte[] input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(4).putInt(counter).array());
            return digest.digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
