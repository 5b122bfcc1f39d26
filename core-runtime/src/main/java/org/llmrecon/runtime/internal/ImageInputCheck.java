package org.llmrecon.runtime.internal;

import org.llmrecon.api.provider.ChatMessage;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelCapability;
import org.llmrecon.api.provider.Provider;

/**
 * Refuses a chat request with an image for a model that does not declare
 * {@link ModelCapability#IMAGE_ANALYSIS}, before it reaches the provider:
 * a provider would otherwise drop the image or fail with its own words.
 */
final class ImageInputCheck {
    private ImageInputCheck() {
    }

    /**
     * @param request the request
     * @param provider the provider it goes to
     * @throws InvalidRequestException when a message has an image and the model does not accept images
     */
    static void check(ChatRequest request, Provider provider) {
        if (request.messages().stream().noneMatch(ChatMessage::hasImages)) {
            return;
        }
        // without a named or configured model the provider picks one; it is then the provider's call
        String model = request.model() != null && !request.model().isBlank() ? request.model()
                : provider.config().defaultModel();
        if (model != null && !provider.supportsCapability(model, ModelCapability.IMAGE_ANALYSIS)) {
            throw new InvalidRequestException("model '" + model + "' of provider '" + provider.type()
                    + "' does not accept image input (capability " + ModelCapability.IMAGE_ANALYSIS.id() + ")", 400,
                    "messages", "image_input_unsupported");
        }
    }
}
