package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.Secret;

class RedactionTest {
    private final Redaction redaction = new Redaction(Secret.of("sk-proj-AbCdEfGh12345678"));

    @Test
    void wholeAndPartialKeysAreMasked() {
        String scrubbed = redaction.scrub("Incorrect API key provided: sk-proj-****5678. Key sk-proj-AbCdEfGh12345678 and"
                + " tail \"12345678\" and head AbCdEfGh.");
        assertFalse(scrubbed.contains("5678"), scrubbed);
        assertFalse(scrubbed.contains("AbCd"), scrubbed);
        assertFalse(scrubbed.contains("sk-proj"), scrubbed);
    }

    @Test
    void ordinaryTextStays() {
        assertEquals("The model 'gpt-4o' does not exist", redaction.scrub("The model 'gpt-4o' does not exist"));
        assertEquals("", redaction.scrub(null));
    }

    @Test
    void keyLikeWordsAreMaskedWhateverTheKey() {
        String scrubbed = new Redaction(Secret.empty()).scrub("bad key sk-live-zzzzzzzzzz");
        assertEquals("bad key ********", scrubbed);
    }
}
