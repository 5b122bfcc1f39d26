package org.llmrecon.provider.mock;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.ProviderConfig;

class MockSettingsTest {

    private final MockPlugin plugin = new MockPlugin();

    @Test
    void needsNoApiKeyAndHasQuietDefaults() {
        ProviderConfig config = ProviderConfig.builder("mock").build();
        assertDoesNotThrow(() -> plugin.validateConfig(config));
        MockSettings settings = MockSettings.from(config);
        assertEquals(Duration.ZERO, settings.latency());
        assertEquals(Duration.ZERO, settings.tokenDelay());
        assertEquals(Fault.NONE, settings.fault());
        assertEquals(0, settings.faultCount());
        assertEquals(0, settings.faultEvery());
        assertEquals(Duration.ofSeconds(1), settings.retryAfter());
        assertEquals("Echo: {prompt}", settings.reply());
    }

    @ParameterizedTest
    @CsvSource({ "50ms, PT0.05S", "2s, PT2S", "1m, PT1M", "1h, PT1H", "PT0.25S, PT0.25S", "' 10ms ', PT0.01S" })
    void readsDurations(String text, String expected) {
        assertEquals(Duration.parse(expected), MockSettings.from(Mocks.config("latency", text)).latency());
    }

    @Test
    void readsFaults() {
        assertEquals(new Fault(Fault.Kind.STATUS, 502), MockSettings.from(Mocks.config("fault", "status:502")).fault());
        assertEquals(new Fault(Fault.Kind.STATUS, 429), MockSettings.from(Mocks.config("fault", "rate-limit")).fault());
        assertEquals(Fault.Kind.TIMEOUT, MockSettings.from(Mocks.config("fault", "timeout")).fault().kind());
        assertEquals(Fault.Kind.MALFORMED, MockSettings.from(Mocks.config("fault", "malformed")).fault().kind());
        MockSettings counted = MockSettings.from(Mocks.config("fault", "timeout", "faultCount", "2", "faultEvery", "3"));
        assertEquals(2, counted.faultCount());
        assertEquals(3, counted.faultEvery());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "latency     | fast    | param.latency: 'fast' is not a duration (write 50ms, 2s, 1m, 1h or ISO-8601 such as PT0.05S)",
        "latency     | -5ms    | param.latency: '-5ms' is not a duration (write 50ms, 2s, 1m, 1h or ISO-8601 such as PT0.05S)",
        "latency     | PT-1S   | param.latency: 'PT-1S' is not a duration (write 50ms, 2s, 1m, 1h or ISO-8601 such as PT0.05S)",
        "tokenDelay  | 10      | param.tokenDelay: '10' is not a duration (write 50ms, 2s, 1m, 1h or ISO-8601 such as PT0.05S)",
        "retryAfter  | soon    | param.retryAfter: 'soon' is not a duration (write 50ms, 2s, 1m, 1h or ISO-8601 such as PT0.05S)",
        "fault       | boom    | param.fault: 'boom' is not a fault (write none, status:<400-599>, rate-limit, timeout or malformed)",
        "fault       | status:200 | param.fault: 'status:200' is not a fault (write none, status:<400-599>, rate-limit, timeout or malformed)",
        "fault       | status:5xx | param.fault: 'status:5xx' is not a fault (write none, status:<400-599>, rate-limit, timeout or malformed)",
        "faultCount  | 0       | param.faultCount: '0' is not a positive whole number",
        "faultCount  | two     | param.faultCount: 'two' is not a positive whole number",
        "faultEvery  | -3      | param.faultEvery: '-3' is not a positive whole number",
    })
    void rejectsBadValuesWithOneLineNamingTheKey(String key, String value, String message) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> plugin.validateConfig(Mocks.config(key, value)));
        assertEquals(message, e.getMessage());
        assertThrows(InvalidConfigException.class, () -> plugin.createProvider(Mocks.config(key, value)));
    }

    @Test
    void rejectsUnknownKeysWithoutEchoingTheirValue() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> plugin.validateConfig(Mocks.config("fualt", "s3cr3t-value")));
        assertEquals("param.fualt: not a mock parameter (known: latency, tokenDelay, fault, faultCount, faultEvery,"
                + " retryAfter, reply)", e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @Test
    void rejectsAnUnknownDefaultModelAndAnotherType() {
        assertEquals("defaultModel: 'gpt-4o' is not a mock model (known: mock-chat, mock-completion, mock-embedding)",
                assertThrows(InvalidConfigException.class, () -> plugin.validateConfig(
                        ProviderConfig.builder("mock").defaultModel("gpt-4o").build())).getMessage());
        assertEquals("type: the mock plugin serves type 'mock', not 'openai'",
                assertThrows(InvalidConfigException.class, () -> plugin.validateConfig(
                        ProviderConfig.builder("openai").build())).getMessage());
    }

    @Test
    void anApiKeyIsAcceptedAndNeverShown() {
        ProviderConfig config = ProviderConfig.builder("mock").apiKey("sk-secret").param("fault", "status:401").build();
        plugin.validateConfig(config);
        var e = assertThrows(RuntimeException.class, () -> plugin.createProvider(config).chat(Mocks.hello()));
        assertFalse(e.getMessage().contains("sk-secret"));
        assertFalse(plugin.createProvider(config).toString().contains("sk-secret"));
    }

    @Test
    void pricesAreShippedAndOverriddenPerTarget() {
        MockSettings shipped = MockSettings.from(Mocks.config());
        assertEquals(0.0, shipped.prices().price("mock-chat").orElseThrow().inputPricePerToken());
        MockSettings priced = MockSettings.from(Mocks.config("pricing.mock-chat.input", "1.5",
                "pricing.mock-chat.output", "3"));
        assertEquals(1.5e-6, priced.prices().price("mock-chat").orElseThrow().inputPricePerToken(), 1e-15);
        assertEquals("pricing.mock-chat.output: 'lots' is not a price (a number of currency units per million tokens,"
                + " 0 or more)", assertThrows(InvalidConfigException.class,
                        () -> plugin.validateConfig(Mocks.config("pricing.mock-chat.output", "lots"))).getMessage());
    }
}
