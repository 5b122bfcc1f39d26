package org.llmrecon.api.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretKeyRuleTest {

    @Test
    void keysThatHoldSecretsAreSecretAndTheirLookAlikesAreNot() {
        for (String k : new String[] {"apiKey", "header.Authorization", "header.X-Api-Key", "header.X-Auth-Token",
            "param.clientSecret", "param.password", "param.awsCredentials", "KEY"}) {
            assertTrue(Secret.isSecretKey(k), k);
        }
        for (String k : new String[] {"baseUrl", "param.tokenDelay", "param.maxTokens", "defaultModel",
            "param.keyword", "pricing.gpt-4o.input"}) {
            assertFalse(Secret.isSecretKey(k), k);
        }
    }
}
