package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelType;

class ModelCatalogTest {

    /** The jtokkit vocabularies the bundle keeps: the pom deletes r50k and p50k before packaging. */
    private static final Set<String> SHIPPED = Set.of("o200k_base", "cl100k_base");

    @Test
    void everyFamilyCountsWithAVocabularyTheBundleShips() {
        List<ModelCatalog.Family> all = new ArrayList<>(ModelCatalog.FAMILIES);
        all.add(ModelCatalog.CHAT_DEFAULT);
        all.add(ModelCatalog.EMBEDDING_DEFAULT);
        for (ModelCatalog.Family f : all) {
            assertTrue(SHIPPED.contains(f.encoding()), "family '" + f.prefix() + "' counts with " + f.encoding()
                    + ", which the bundle does not ship: keep it in provider-openai-sample/pom.xml");
        }
    }

    @Test
    void familiesMatchByLongestPrefix() {
        assertEquals(8_192, ModelCatalog.family("gpt-4-0613").contextTokens());
        assertEquals(128_000, ModelCatalog.family("gpt-4-turbo-2024-04-09").contextTokens());
        assertEquals(ModelType.TEXT_COMPLETION, ModelCatalog.family("gpt-3.5-turbo-instruct").type());
        assertEquals(ModelType.CHAT, ModelCatalog.family("gpt-3.5-turbo-0125").type());
        assertNull(ModelCatalog.family("gpt-4o-mini-tts").type());
        assertTrue(ModelCatalog.family("GPT-4O").capabilities().contains(ModelCapability.IMAGE_ANALYSIS));
        assertEquals("o200k_base", ModelCatalog.family("ft:gpt-4o-mini-2024-07-18:acme::abc").encoding());
    }

    @Test
    void reasoningModelsUseMaxCompletionTokens() {
        assertTrue(ModelCatalog.usesMaxCompletionTokens("o3-mini"));
        assertTrue(ModelCatalog.usesMaxCompletionTokens("gpt-5-nano"));
        assertFalse(ModelCatalog.usesMaxCompletionTokens("gpt-4o"));
        assertFalse(ModelCatalog.usesMaxCompletionTokens("llama3"));
    }

    @Test
    void unknownModelsGetASensibleDefault() {
        assertEquals(ModelCatalog.CHAT_DEFAULT, ModelCatalog.family("qwen2.5:7b"));
        assertEquals(ModelCatalog.EMBEDDING_DEFAULT, ModelCatalog.family("nomic-embed-text"));
        assertEquals(0, ModelCatalog.info("qwen2.5:7b", null).maxTokens());
    }

    @Test
    void tokensAreCountedWithTheFamilyEncoding() {
        assertEquals(2, TokenCounter.count("hello world", "gpt-4o"));
        assertEquals(2, TokenCounter.count("hello world", "gpt-4"));
        assertEquals(TokenCounter.count("<|endoftext|>", "gpt-4"), TokenCounter.count("<|endoftext|>", "gpt-4"));
        assertTrue(TokenCounter.count("<|endoftext|>", "gpt-4") > 1, "special tokens count as text");
        assertEquals(0, TokenCounter.count(null, "gpt-4"));
    }
}
