package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.ProviderConfig;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes configuration values through {@code validateConfig}'s checks ({@link ProviderSettings#from}): any base
 * URL, key, organisation, header, param, limit and timeout is accepted or refused with one line that starts with
 * {@code openai: } and never shows the key.
 */
class ConfigFuzzTest {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789kKmMiIbBgGsS: .-/\n\u0000").ofMaxLength(12),
                Arbitraries.of("http://127.0.0.1:1/v1", "https://user:pw@x/v1", "http://[::1]:9/v1#f", "ftp://x",
                        "http://", "https://api.openai.com/v1?api-version=1", "16MiB", "0", "30s", "999999999999999G",
                        "5m", "maxResponseBytes", "header\r\nX: y"));
    }

    @Provide
    Arbitrary<String> paramNames() {
        return Arbitraries.oneOf(Arbitraries.of(CallLimits.NAMES.toArray(String[]::new)),
                Arbitraries.of("MAXLINEBYTES", "stream", "chat.model", "temperature", "embeddings.dimensions"),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Property(seed = "20261208")
    void anyValueIsAcceptedOrRefusedInOneLine(@ForAll("texts") String baseUrl, @ForAll("texts") String key,
            @ForAll("texts") String org, @ForAll("texts") String header, @ForAll("texts") String headerValue,
            @ForAll("paramNames") String param, @ForAll("texts") String paramValue, @ForAll long timeoutMillis) {
        ProviderConfig.Builder config = ProviderConfig.builder("openai").baseUrl(baseUrl).apiKey("sk-" + key).orgId(org)
                .timeout(Duration.ofMillis(timeoutMillis)).param(param, paramValue);
        if (!header.isEmpty()) {
            config.header(header, headerValue);
        }
        try {
            ProviderSettings settings = ProviderSettings.from(config.build());
            assertTrue(settings.limits().maxLineBytes() > 0 && settings.limits().maxResponseBytes() > 0);
            assertFalse(settings.params().keySet().stream().anyMatch(n -> CallLimits.canonical(n) != null),
                    "limits are never sent in a body");
        } catch (InvalidConfigException e) {
            assertTrue(e.getMessage().startsWith("openai: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
            assertFalse(e.getMessage().contains("sk-" + key), "shows the key: " + e.getMessage());
        }
    }
}
