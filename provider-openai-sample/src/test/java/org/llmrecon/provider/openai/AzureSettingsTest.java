package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.InvalidConfigException;
import org.llmrecon.api.provider.ProviderConfig;

/** What {@code validateConfig} of {@code azure-openai} accepts and the one line it rejects the rest with. */
class AzureSettingsTest {
    private static final String KEY = AzureOpenAiProviderTest.KEY;

    private static ProviderConfig.Builder config() {
        return ProviderConfig.builder("azure-openai").apiKey(KEY).baseUrl("https://myres.openai.azure.com");
    }

    private static String rejected(ProviderConfig.Builder config) {
        String message = assertThrows(InvalidConfigException.class,
                () -> new AzureOpenAiPlugin("1.0.0").validateConfig(config.build())).getMessage();
        assertFalse(message.contains(KEY) || message.contains("\n"), message);
        return message;
    }

    @Test
    void endpointVersionAndDeploymentsAreRead() {
        AzureSettings azure = AzureSettings.from(config().param("deployment.gpt-4o", "prod-4o")
                .param("APIVERSION", "2025-04-01-preview").param("temperature", "0.5").build());
        assertEquals("2025-04-01-preview", azure.apiVersion());
        assertEquals(Map.of("gpt-4o", "prod-4o"), azure.deployments());
        assertEquals("prod-4o", azure.deployment("gpt-4o"));
        assertEquals("gpt-4.1", azure.deployment("gpt-4.1"));
        assertEquals(Map.of("temperature", "0.5"), azure.http().params());
        assertEquals("https://myres.openai.azure.com/openai/deployments/prod-4o/chat/completions"
                + "?api-version=2025-04-01-preview", new AzureRoute(azure).uri("/chat/completions", "gpt-4o").toString());
        assertEquals(AzureSettings.DEFAULT_API_VERSION, AzureSettings.from(config().build()).apiVersion());
    }

    @Test
    void aGatewayPathIsKeptInFrontOfOpenai() {
        AzureSettings azure = AzureSettings.from(config().baseUrl("https://apim.example/aoai/").build());
        assertEquals("https://apim.example/aoai/openai/deployments/a%20b/embeddings?api-version=2024-10-21",
                new AzureRoute(azure).uri("/embeddings", "a b").toString());
    }

    @Test
    void badConfigurationsGetOneLine() {
        assertEquals("azure-openai: baseUrl is missing", rejected(config().baseUrl(null)));
        assertEquals("azure-openai: baseUrl is the resource endpoint, such as https://myres.openai.azure.com, without"
                + " /openai or a deployment", rejected(config().baseUrl("https://myres.openai.azure.com/openai/")));
        assertEquals("azure-openai: baseUrl is the resource endpoint, such as https://myres.openai.azure.com, without"
                + " /openai or a deployment", rejected(config().baseUrl("https://r.test/openai/deployments/x")));
        assertEquals("azure-openai: baseUrl must not have a query; set the API version with param.apiVersion",
                rejected(config().baseUrl("https://r.test?api-version=2024-10-21")));
        assertEquals("azure-openai: baseUrl must start with http:// or https://", rejected(config().baseUrl("ftp://r")));
        assertEquals("azure-openai: apiKey is missing (only a loopback baseUrl may go without one)",
                rejected(config().apiKey("")));
        assertEquals("azure-openai: param.apiVersion must be an API version such as 2024-10-21 or 2025-04-01-preview,"
                + " was 'latest'", rejected(config().param("apiVersion", "latest")));
        assertEquals("azure-openai: param.deployment.gpt-4o must name a deployment (letters, digits, '-', '_', '.', at"
                + " most 64), was ''", rejected(config().param("deployment.gpt-4o", " ")));
        assertEquals("azure-openai: param.deployment.gpt-4o must name a deployment (letters, digits, '-', '_', '.', at"
                + " most 64), was 'a/b'", rejected(config().param("deployment.gpt-4o", "a/b")));
        assertEquals("azure-openai: param.deployment names no model; write param.deployment.<model>=<deployment>",
                rejected(config().param("deployment", "prod")));
        assertEquals("azure-openai: param.deployment. names no model; write param.deployment.<model>=<deployment>",
                rejected(config().param("deployment.", "prod")));
        assertEquals("azure-openai: param.maxLineBytes must be a size such as 1048576, 512KiB or 16MiB, was 'lots'",
                rejected(config().param("maxLineBytes", "lots")));
        assertEquals("azure-openai: type is 'openai', expected 'azure-openai'",
                rejected(ProviderConfig.builder("openai").apiKey(KEY).baseUrl("https://r.test")));
    }
}
