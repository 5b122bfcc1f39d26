package org.llmrecon.gateway.internal.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;

class EmbeddingsServletTest {
    @Test
    void finiteFloatsAreWrittenAndAnInfinityIsA502NamingTheTarget() {
        ArrayNode ok = OpenAiEndpoint.JSON.createArrayNode();
        EmbeddingsServlet.floats(ok, new float[] {0.5f, -Float.MAX_VALUE}, "local");
        assertEquals("[0.5,-3.4028235E38]", ok.toString());
        GatewayException e = assertThrows(GatewayException.class, () -> EmbeddingsServlet.floats(
                OpenAiEndpoint.JSON.createArrayNode(), new float[] {0.5f, Float.NEGATIVE_INFINITY}, "local"));
        assertEquals(502, e.status());
        assertEquals("target 'local' answered an embedding value that is not a finite number (-Infinity); JSON "
                + "cannot carry it: ask with encoding_format base64", e.getMessage());
    }
}
