package org.llmrecon.gateway.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KeyCheckTest {

    @Test
    void matchesABearerKeyByPosition() {
        KeyCheck keys = new KeyCheck(List.of("alpha", "beta"));
        assertEquals(Optional.of(1), keys.match("Bearer beta"));
        assertEquals(Optional.of(0), keys.match("bearer alpha"));
        assertEquals(Optional.empty(), keys.match("Bearer alph"));
        assertEquals(Optional.empty(), keys.match("Basic alpha"));
        assertEquals(Optional.empty(), keys.match(null));
        assertTrue(new KeyCheck(List.of()).none());
    }
}
