package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;

/** Issue 12: an error line says what happened, never a bare exception class name. */
class OneLineTest {
    @Test
    void wrappersAreLookedThrough() {
        assertEquals("no plugin named 'x'", GogoShell.oneLine(new InvocationTargetException(
                new InvocationTargetException(new IllegalStateException("no plugin named 'x'\nat line 2")))));
        assertEquals("bad", GogoShell.oneLine(new RuntimeException(new IllegalArgumentException("bad"))));
    }

    @Test
    void causesWithoutAMessageAreSaidInWords() {
        assertEquals("out of memory: Java heap space",
                GogoShell.oneLine(new InvocationTargetException(new OutOfMemoryError("Java heap space"))));
        assertEquals("interrupted (the launcher is stopping, or the command was cancelled)",
                GogoShell.oneLine(new InvocationTargetException(new InterruptedException())));
        assertEquals("null pointer (no detail given)", GogoShell.oneLine(new NullPointerException()));
    }
}
