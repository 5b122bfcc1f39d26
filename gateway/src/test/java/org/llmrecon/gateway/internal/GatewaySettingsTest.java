package org.llmrecon.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    @Test
    void blankKeysAreLeftOutAndLimitsStayInRange() {
        GatewaySettings s = new GatewaySettings(config(" k1 ", "", "k2"));
        assertEquals(List.of("k1", "k2"), s.openKeys());
        assertEquals(1024, s.maxBodyBytes());
        assertEquals(0, s.rateLimitPerMinute());
    }

    @Test
    void anEncryptedKeyIsRefusedNamingItsPositionNotItsValue() {
        GatewaySettings s = new GatewaySettings(config("plain", "ENC(c2VjcmV0)"));
        IllegalStateException e = assertThrows(IllegalStateException.class, s::openKeys);
        assertEquals("key 2 of org.llmrecon.gateway is encrypted (ENC(...)), which this gateway cannot open yet: "
                + "store it in plain text", e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"));
    }
}
