package org.llmrecon.api.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {
    @Test
    void onlyALoopbackAddressIsLoopbackOnlyAndUnsetMeansEveryInterface() {
        assertTrue(GatewayProperties.loopbackOnly("127.0.0.1"));
        assertTrue(GatewayProperties.loopbackOnly("::1"));
        assertFalse(GatewayProperties.loopbackOnly("0.0.0.0"));
        assertFalse(GatewayProperties.loopbackOnly(null));
        assertFalse(GatewayProperties.loopbackOnly(" "));
        assertFalse(GatewayProperties.loopbackOnly("no-such-host.invalid"));
    }
}
