package org.llmrecon.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.ContentPart;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ModelType;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.runtime.internal.legacy.fixture.EchoProvider;

class ImageInputCheckTest {

    private static final ChatRequest WITH_IMAGE = ChatRequest.builder().model("echo-1")
            .user("what is it?", ContentPart.imageUrl("https://h.test/x.png")).build();

    private final Provider textOnly = new EchoProvider(ProviderConfig.builder("echo").build());

    @Test
    void anImageForATextOnlyModelIsRefusedNamingModelProviderAndCapability() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> ImageInputCheck.check(WITH_IMAGE, textOnly));
        assertEquals("model 'echo-1' of provider 'echo' does not accept image input (capability image-analysis)",
                e.getMessage());
        assertEquals("messages", e.param());
    }

    @Test
    void theConfiguredDefaultModelIsCheckedWhenTheRequestNamesNone() {
        Provider withDefault = new EchoProvider(ProviderConfig.builder("echo").defaultModel("echo-1").build());
        assertThrows(InvalidRequestException.class,
                () -> ImageInputCheck.check(WITH_IMAGE.withModel(null), withDefault));
    }

    @Test
    void textOnlyRequestsAndImageModelsPass() {
        assertDoesNotThrow(() -> ImageInputCheck.check(ChatRequest.builder().model("echo-1").user("hi").build(),
                textOnly));
        Provider seeing = new EchoProvider(ProviderConfig.builder("echo").build()) {
            @Override
            public List<ModelInfo> listModels() {
                return List.of(ModelInfo.of("echo-1", "echo", ModelType.CHAT,
                        Set.of(ModelCapability.CHAT_COMPLETION, ModelCapability.IMAGE_ANALYSIS)));
            }
        };
        assertDoesNotThrow(() -> ImageInputCheck.check(WITH_IMAGE, seeing));
    }
}
