package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.runtime.internal.legacy.LegacyDeclaration.Form;

class LegacyDeclarationTest {

    @Test
    void headerDeclaresSeveralProvidersInOrder() {
        List<LegacyDeclaration> d = LegacyDeclaration.parseHeader(
                " echo = com.example.EchoProvider ,hello.v2=com.example.Hello$Factory,");
        assertEquals(2, d.size());
        assertEquals(new LegacyDeclaration(Form.CONSTRUCTOR, "echo", "com.example.EchoProvider", null), d.get(0));
        assertEquals("hello.v2", d.get(1).type());
        assertEquals("com.example.Hello$Factory", d.get(1).className());
        assertNull(d.get(1).problem());
        assertEquals("legacy provider 'echo' (com.example.EchoProvider)", d.get(0).describe());
    }

    @Test
    void malformedEntriesKeepTheirPlaceWithAReason() {
        List<LegacyDeclaration> d = LegacyDeclaration.parseHeader(
                "com.example.NoType, Echo=com.example.E, ok=com.example.Ok, x=not a class, ok=com.example.Again");
        assertEquals(5, d.size());
        assertEquals("LLMrecon-Legacy-Provider entry 'com.example.NoType' is not <type>=<fully.qualified.Class>",
                d.get(0).problem());
        assertEquals("LLMrecon-Legacy-Provider entry 'Echo=com.example.E': provider type 'Echo' does not match"
                + " [a-z0-9][a-z0-9._-]{0,63}", d.get(1).problem());
        assertNull(d.get(2).problem());
        assertEquals("LLMrecon-Legacy-Provider entry 'x=not a class': 'not a class' is not a class name",
                d.get(3).problem());
        assertEquals("LLMrecon-Legacy-Provider declares provider type 'ok' more than once", d.get(4).problem());
    }

    @Test
    void noHeaderNoDeclarations() {
        assertTrue(LegacyDeclaration.parseHeader(null).isEmpty());
        assertTrue(LegacyDeclaration.parseHeader("  ").isEmpty());
    }

    @Test
    void servicesFileListsClassesSkippingCommentsBlanksAndRepeats() {
        List<LegacyDeclaration> d = LegacyDeclaration.parseServices(
                "# plugins\n\ncom.example.One # the first\r\ncom.example.Two\ncom.example.One\n1nvalid\n");
        assertEquals(3, d.size());
        assertEquals(new LegacyDeclaration(Form.SERVICE_LOADER, null, "com.example.One", null), d.get(0));
        assertEquals("com.example.Two", d.get(1).className());
        assertEquals("META-INF/services/org.llmrecon.api.plugin.PluginInterface: '1nvalid' is not a class name",
                d.get(2).problem());
        assertEquals("ServiceLoader plugin com.example.Two", d.get(1).describe());
    }
}
