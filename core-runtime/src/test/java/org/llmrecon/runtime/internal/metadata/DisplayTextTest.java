package org.llmrecon.runtime.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void quotesAndEscapesWhatWouldBreakOrDisguiseALine() {
        assertEquals("'plain'", DisplayText.quote("plain"));
        assertEquals("null", DisplayText.quote(null));
        assertEquals("'a\\nb\\rc\\td'", DisplayText.quote("a\nb\rc\td"));
        assertEquals("'\\u0000\\u001B\\u007F\\u0085'", DisplayText.quote("\u0000\u001b\u007f\u0085"));
        assertEquals("'x\\u2028y\\u202Ez\\uFEFF'", DisplayText.quote("x\u2028y\u202ez\ufeff"));
        assertEquals("'Zoë 🚀'", DisplayText.quote("Zoë 🚀"));
    }

    @Test
    void cutsLongValuesWithoutSplittingASurrogatePair() {
        assertEquals("'" + "a".repeat(100) + "'", DisplayText.quote("a".repeat(100)));
        assertEquals("'" + "a".repeat(100) + "...'", DisplayText.quote("a".repeat(101)));
        assertEquals("'" + "a".repeat(99) + "🚀...'", DisplayText.quote("a".repeat(99) + "🚀b"));
    }

    @Test
    void namesCodePoints() {
        assertEquals("U+0007", DisplayText.codePoint(7));
        assertEquals("U+1F680", DisplayText.codePoint(0x1F680));
    }
}
