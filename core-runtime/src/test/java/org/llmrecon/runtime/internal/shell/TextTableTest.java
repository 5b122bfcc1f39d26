package org.llmrecon.runtime.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTableTest {
    private static TextTable table() {
        return new TextTable("NAME", "STATE", "REASON").row("mock", "ACTIVE", null)
                .row("broken.jar", "FAILED", "bundle does not resolve: missing package org.example.api");
    }

    @Test
    void withoutALimitEveryRowIsOneLine() {
        assertEquals("""
                NAME        STATE   REASON
                mock        ACTIVE  -
                broken.jar  FAILED  bundle does not resolve: missing package org.example.api""".stripIndent(),
                table().render(0));
    }

    @Test
    void narrowTerminalWrapsTheWidestColumnAndKeepsEveryWord() {
        String narrow = table().render(50);
        assertEquals("""
                NAME        STATE   REASON
                mock        ACTIVE  -
                broken.jar  FAILED  bundle does not resolve:
                                    missing package
                                    org.example.api""".stripIndent(), narrow);
        assertTrue(narrow.lines().allMatch(l -> l.length() < 50), narrow);
    }

    @Test
    void aTableThatCannotFitWithoutBreakingWordsKeepsOneLinePerRow() {
        assertEquals(table().render(0), table().render(30));
    }

    @Test
    void outsideAShellCommandThereIsNoLimit() {
        assertEquals(table().render(0), table().toString());
    }
}
