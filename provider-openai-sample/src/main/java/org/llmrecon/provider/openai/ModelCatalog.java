package org.llmrecon.provider.openai;

import static org.llmrecon.api.provider.ModelCapability.CHAT_COMPLETION;
import static org.llmrecon.api.provider.ModelCapability.EMBEDDING;
import static org.llmrecon.api.provider.ModelCapability.FUNCTION_CALLING;
import static org.llmrecon.api.provider.ModelCapability.IMAGE_ANALYSIS;
import static org.llmrecon.api.provider.ModelCapability.IMAGE_GENERATION;
import static org.llmrecon.api.provider.ModelCapability.JSON_MODE;
import static org.llmrecon.api.provider.ModelCapability.STREAMING;
import static org.llmrecon.api.provider.ModelCapability.TEXT_COMPLETION;
import static org.llmrecon.api.provider.ModelCapability.TOOL_USE;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.PriceTable;

/**
 * What is known about OpenAI model families, matched by id prefix (fine-tuned ids by their base model).
 * A model no family matches, as served by compatible servers, counts as a chat model that streams, or as
 * an embedding model when its id says "embed"; its context size is unknown (0).
 */
final class ModelCatalog {
    /** One family. A {@code null} type marks audio and moderation models, which ModelType cannot name. */
    record Family(String prefix, ModelType type, Set<ModelCapability> capabilities, int contextTokens,
            String encoding, boolean reasoning) {
    }

    private static final Set<ModelCapability> TOOLS = EnumSet.of(CHAT_COMPLETION, STREAMING, TOOL_USE, FUNCTION_CALLING);
    private static final Set<ModelCapability> FULL = with(TOOLS, JSON_MODE);
    private static final Set<ModelCapability> VISION = with(FULL, IMAGE_ANALYSIS);

    /** The known families; their encodings are the vocabularies the bundle ships (the pom drops the others). */
    static final List<Family> FAMILIES = List.of(
            new Family("gpt-4o-realtime", null, Set.of(), 128_000, "o200k_base", false),
            new Family("gpt-4o-mini-realtime", null, Set.of(), 128_000, "o200k_base", false),
            new Family("gpt-4o-transcribe", null, Set.of(), 16_000, "o200k_base", false),
            new Family("gpt-4o-mini-transcribe", null, Set.of(), 16_000, "o200k_base", false),
            new Family("gpt-4o-mini-tts", null, Set.of(), 2_000, "o200k_base", false),
            new Family("gpt-5", ModelType.CHAT, VISION, 400_000, "o200k_base", true),
            new Family("gpt-4.1", ModelType.CHAT, VISION, 1_047_576, "o200k_base", false),
            new Family("gpt-4.5", ModelType.CHAT, VISION, 128_000, "o200k_base", false),
            new Family("gpt-4o", ModelType.CHAT, VISION, 128_000, "o200k_base", false),
            new Family("chatgpt-4o", ModelType.CHAT, EnumSet.of(CHAT_COMPLETION, STREAMING, JSON_MODE, IMAGE_ANALYSIS),
                    128_000, "o200k_base", false),
            new Family("gpt-4-turbo", ModelType.CHAT, VISION, 128_000, "cl100k_base", false),
            new Family("gpt-4-1106", ModelType.CHAT, FULL, 128_000, "cl100k_base", false),
            new Family("gpt-4-0125", ModelType.CHAT, FULL, 128_000, "cl100k_base", false),
            new Family("gpt-4-32k", ModelType.CHAT, TOOLS, 32_768, "cl100k_base", false),
            new Family("gpt-4", ModelType.CHAT, TOOLS, 8_192, "cl100k_base", false),
            new Family("gpt-3.5-turbo-instruct", ModelType.TEXT_COMPLETION, EnumSet.of(TEXT_COMPLETION, STREAMING),
                    4_096, "cl100k_base", false),
            new Family("gpt-3.5-turbo", ModelType.CHAT, FULL, 16_385, "cl100k_base", false),
            // Azure's spelling of the same models
            new Family("gpt-35-turbo-instruct", ModelType.TEXT_COMPLETION, EnumSet.of(TEXT_COMPLETION, STREAMING),
                    4_096, "cl100k_base", false),
            new Family("gpt-35-turbo", ModelType.CHAT, FULL, 16_385, "cl100k_base", false),
            new Family("o1-mini", ModelType.CHAT, EnumSet.of(CHAT_COMPLETION, STREAMING), 128_000, "o200k_base", true),
            new Family("o1-preview", ModelType.CHAT, EnumSet.of(CHAT_COMPLETION, STREAMING), 128_000, "o200k_base", true),
            new Family("o1", ModelType.CHAT, VISION, 200_000, "o200k_base", true),
            new Family("o3-mini", ModelType.CHAT, FULL, 200_000, "o200k_base", true),
            new Family("o3", ModelType.CHAT, VISION, 200_000, "o200k_base", true),
            new Family("o4-mini", ModelType.CHAT, VISION, 200_000, "o200k_base", true),
            new Family("text-embedding-3", ModelType.EMBEDDING, EnumSet.of(EMBEDDING), 8_191, "cl100k_base", false),
            new Family("text-embedding-ada-002", ModelType.EMBEDDING, EnumSet.of(EMBEDDING), 8_191, "cl100k_base", false),
            new Family("davinci-002", ModelType.TEXT_COMPLETION, EnumSet.of(TEXT_COMPLETION, STREAMING), 16_384,
                    "cl100k_base", false),
            new Family("babbage-002", ModelType.TEXT_COMPLETION, EnumSet.of(TEXT_COMPLETION, STREAMING), 16_384,
                    "cl100k_base", false),
            new Family("dall-e", ModelType.IMAGE_GENERATION, EnumSet.of(IMAGE_GENERATION), 0, "cl100k_base", false),
            new Family("gpt-image", ModelType.IMAGE_GENERATION, EnumSet.of(IMAGE_GENERATION), 0, "o200k_base", false),
            new Family("whisper", null, Set.of(), 0, "cl100k_base", false),
            new Family("tts", null, Set.of(), 0, "cl100k_base", false),
            new Family("omni-moderation", null, Set.of(), 32_768, "o200k_base", false),
            new Family("text-moderation", null, Set.of(), 32_768, "cl100k_base", false));

    /** The prices the bundle ships, before a target's overrides. */
    static final PriceTable PRICES = PriceTable.resource(ModelCatalog.class, "/META-INF/llmrecon/prices.json");

    static final Family CHAT_DEFAULT = new Family("", ModelType.CHAT, EnumSet.of(CHAT_COMPLETION, STREAMING), 0,
            "o200k_base", false);
    static final Family EMBEDDING_DEFAULT = new Family("", ModelType.EMBEDDING, EnumSet.of(EMBEDDING), 0,
            "cl100k_base", false);

    private ModelCatalog() {
    }

    static Family family(String modelId) {
        String id = baseModel(modelId.toLowerCase(Locale.ROOT));
        Family best = null;
        for (Family family : FAMILIES) {
            if (id.startsWith(family.prefix()) && (best == null || family.prefix().length() > best.prefix().length())) {
                best = family;
            }
        }
        if (best != null) {
            return best;
        }
        return id.contains("embed") ? EMBEDDING_DEFAULT : CHAT_DEFAULT;
    }

    static ModelInfo info(String modelId, String description) {
        Family family = family(modelId);
        return ModelInfo.builder().id(modelId).provider(ProviderSettings.TYPE).type(family.type())
                .capabilities(family.capabilities()).maxTokens(family.contextTokens()).description(description).build();
    }

    /** @return {@code model} with its price from {@code prices}, or none when the table does not know it */
    static ModelInfo priced(ModelInfo model, PriceTable prices) {
        return model.toBuilder().pricing(prices.price(model.id()).orElse(null)).build();
    }

    /** Reasoning models refuse {@code max_tokens} and want {@code max_completion_tokens}. */
    static boolean usesMaxCompletionTokens(String modelId) {
        return family(modelId).reasoning();
    }

    private static String baseModel(String id) {
        if (id.startsWith("ft:")) {
            int end = id.indexOf(':', 3);
            return end < 0 ? id.substring(3) : id.substring(3, end);
        }
        return id;
    }

    private static Set<ModelCapability> with(Set<ModelCapability> base, ModelCapability extra) {
        EnumSet<ModelCapability> set = EnumSet.copyOf(base);
        set.add(extra);
        return set;
    }
}
