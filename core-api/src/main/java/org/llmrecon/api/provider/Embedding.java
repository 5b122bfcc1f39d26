package org.llmrecon.api.provider;

import java.util.Arrays;

/**
 * The embedding of one input.
 *
 * @param index the index of the input
 * @param vector the embedding vector
 * @since 1.0.0
 */
public record Embedding(int index, float[] vector) {
    /** Copies the vector. */
    public Embedding {
        vector = vector.clone();
    }

    /** @return a copy of the vector */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && e.index == index && Arrays.equals(e.vector, vector);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[index=" + index + ", dimensions=" + vector.length + "]";
    }
}
