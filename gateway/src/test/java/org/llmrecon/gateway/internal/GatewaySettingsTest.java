package org.llmrecon.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.runtime.Secrets;

class GatewaySettingsTest {

    static GatewayConfig config(String... keys) {
        return (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "keys" -> keys;
                    case "maxBodyBytes" -> 1024L;
                    case "rateLimitPerMinute" -> -5;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Opens ENC(x) as x, and fails on ENC(bad) as the runtime's Secrets do, naming the key file. */
    static final Secrets SECRETS = (Secrets) Proxy.newProxyInstance(Secrets.class.getClassLoader(),
            new Class<?>[] {Secrets.class}, (proxy, method, args) -> {
                String v = (String) args[0];
                if (v.equals("ENC(bad)")) {
                    throw new IllegalStateException("the value does not open with key file /etc/.llmrecon.key");
                }
                return v.startsWith("ENC(") ? v.substring(4, v.length() - 1) : v;
            });

    @Test
    void blankKeysAreLeftOutAndLimitsStayInRange() {
        GatewaySettings s = new GatewaySettings(config(" k1 ", "", "k2"), SECRETS);
        assertEquals(List.of("k1", "k2"), s.openKeys());
        assertEquals(1024, s.maxBodyBytes());
        assertEquals(0, s.rateLimitPerMinute());
    }

    @Test
    void aCommaSeparatedValueFromACfgFileIsSeveralKeys() {
        assertEquals(List.of("a", "sealed", "c"),
                new GatewaySettings(config("a, ENC(sealed),", "c"), SECRETS).openKeys());
    }

    @Test
    void encryptedKeysAreOpenedAndOneThatDoesNotOpenIsNamedByPosition() {
        assertEquals(List.of("plain", "sealed"),
                new GatewaySettings(config("plain", "ENC(sealed)"), SECRETS).openKeys());
        GatewaySettings s = new GatewaySettings(config("plain", "ENC(bad)"), SECRETS);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::openKeys);
        assertEquals("key 2 of org.llmrecon.gateway cannot be opened: the value does not open with key file "
                + "/etc/.llmrecon.key", e.getMessage());
        assertFalse(e.getMessage().contains("ENC(bad)"));
    }
}
