package org.llmrecon.provider.openai;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;

/**
 * Counts tokens with jtokkit, using the encoding of the model's family (see {@link ModelCatalog}).
 * Special tokens such as {@code <|endoftext|>} are counted as ordinary text: prompts under test may
 * contain them on purpose. The registry loads each encoding on first use.
 */
final class TokenCounter {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private TokenCounter() {
    }

    static int count(String text, String modelId) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String encoding = ModelCatalog.family(modelId).encoding();
        return REGISTRY.getEncoding(encoding)
                .orElseThrow(() -> new IllegalStateException("jtokkit has no encoding " + encoding))
                .countTokensOrdinary(text);
    }
}
