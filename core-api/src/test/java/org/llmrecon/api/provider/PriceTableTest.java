package org.llmrecon.api.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final String TABLE = """
            {"currency": "USD", "taken": "2025-11-24", "source": "https://example.org/pricing",
             "models": {"big": {"input": 3, "output": 15.0}, "small": {"input": 0.25, "output": 1.25e0}}}
            """;

    private static PriceTable table(String json) throws IOException {
        return PriceTable.read("prices.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsPricesPerMillionTokens() throws IOException {
        PriceTable table = table(TABLE);
        assertEquals("2025-11-24", table.taken());
        Pricing big = table.price("big").orElseThrow();
        assertEquals(3e-6, big.inputPricePerToken(), 1e-15);
        assertEquals(15e-6, big.outputPricePerToken(), 1e-15);
        assertEquals("USD", big.currency());
        assertEquals(1000 * 3e-6 + 100 * 15e-6, big.cost(Usage.of(1000, 100)), 1e-12);
        assertTrue(table.price("unknown").isEmpty());
        assertEquals(big, table.price("big-20250929").orElseThrow());
        assertEquals(big, table.price("big-2024-08-06").orElseThrow());
        assertEquals(big, table.price("big-latest").orElseThrow());
        assertTrue(table.price("big-mini").isEmpty());
        assertTrue(table.price(null).isEmpty());
    }

    @Test
    void overridesChangeOrAddPrices() throws IOException {
        PriceTable table = table(TABLE).withOverrides(Map.of("pricing.big.input", "2.5", "pricing.new-1.5.input", "1",
                "pricing.new-1.5.output", "2", "temperature", "0.2"));
        assertEquals(2.5e-6, table.price("big").orElseThrow().inputPricePerToken(), 1e-15);
        assertEquals(15e-6, table.price("big").orElseThrow().outputPricePerToken(), 1e-15);
        assertEquals(2e-6, table.price("new-1.5").orElseThrow().outputPricePerToken(), 1e-15);
    }

    @Test
    void badOverridesNameTheKey() throws IOException {
        PriceTable table = table(TABLE);
        assertEquals("pricing.big.input: 'cheap' is not a price (a number of currency units per million tokens, 0 or more)",
                assertThrows(InvalidConfigException.class,
                        () -> table.withOverrides(Map.of("pricing.big.input", "cheap"))).getMessage());
        assertTrue(assertThrows(InvalidConfigException.class,
                () -> table.withOverrides(Map.of("pricing.big.input", "-1"))).getMessage().startsWith("pricing.big.input:"));
        assertEquals("pricing.other.output: missing; a model without a listed price needs both input and output",
                assertThrows(InvalidConfigException.class,
                        () -> table.withOverrides(Map.of("pricing.other.input", "1"))).getMessage());
        assertTrue(assertThrows(InvalidConfigException.class,
                () -> table.withOverrides(Map.of("pricing.big", "1"))).getMessage().startsWith("pricing.big: write"));
    }

    @Test
    void malformedTablesNameTheFault() {
        assertEquals("prices.json: malformed JSON at offset 12: expected ':'",
                assertThrows(IllegalStateException.class, () -> table("{\"currency\" \"USD\"}")).getMessage());
        assertEquals("prices.json: models must be an object",
                assertThrows(IllegalStateException.class, () -> table("{\"currency\": \"USD\", \"taken\": \"x\"}"))
                        .getMessage());
        assertEquals("prices.json: a.output must be a number, 0 or more", assertThrows(IllegalStateException.class,
                () -> table("{\"currency\": \"USD\", \"taken\": \"x\", \"models\": {\"a\": {\"input\": 1}}}"))
                .getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> table("{\"a\": [1, 2,]}")).getMessage()
                .contains("not a JSON value"));
        assertTrue(assertThrows(IllegalStateException.class, () -> table("{\"a\": \"\\q\"}")).getMessage()
                .contains("bad escape"));
    }

    @Test
    void parsesStringsAndNestedValues() {
        Object value = JsonText.parse(" {\"s\": \"a\\\"b\\u00e9\\n\", \"l\": [true, false, null, -1.5e2], \"o\": {}} ");
        Map<String, Object> map = JsonText.object(value, "x");
        assertEquals("a\"b\u00e9\n", map.get("s"));
        assertEquals(java.util.Arrays.asList(true, false, null, -150.0), map.get("l"));
        assertEquals(Map.of(), map.get("o"));
    }
}
