package org.llmrecon.gateway.internal.openai;

import java.util.ArrayList;
import java.util.List;

import org.llmrecon.api.provider.ModelInfo;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.gateway.internal.Targets;

/**
 * Resolves a request's {@code model}: {@code target/model}, a model id that
 * exactly one target offers, or a target name for its default model. Anything
 * else is a 404 naming the model.
 */
final class ModelRouter {
    private final Targets targets;

    ModelRouter(Targets targets) {
        this.targets = targets;
    }

    ModelRoute route(String model) {
        int slash = model.indexOf('/');
        if (slash > 0 && targets.known(model.substring(0, slash))) {
            String target = model.substring(0, slash);
            ManagedProvider provider = provider(target);
            String id = model.substring(slash + 1);
            List<ModelInfo> offered = models(target);
            if (!offered.isEmpty() && offered.stream().noneMatch(m -> m.id().equals(id))) {
                throw notFound(model, "target '" + target + "' does not offer model '" + id + "'");
            }
            return new ModelRoute(target, id, provider);
        }
        if (targets.known(model)) {
            ManagedProvider provider = provider(model);
            return new ModelRoute(model, defaultModel(model, provider), provider);
        }
        List<String> offering = new ArrayList<>();
        for (String target : targets.names()) {
            try {
                if (targets.models(target).stream().anyMatch(m -> m.id().equals(model))) {
                    offering.add(target);
                }
            } catch (RuntimeException e) {
                // a target that cannot list its models now offers none
            }
        }
        if (offering.size() > 1) {
            throw GatewayException.badField("model", "'" + model + "' is offered by targets "
                    + String.join(", ", offering) + ": write " + offering.get(0) + "/" + model);
        }
        if (offering.isEmpty()) {
            throw notFound(model, "no target offers it (see GET /v1/models)");
        }
        return new ModelRoute(offering.get(0), model, provider(offering.get(0)));
    }

    private ManagedProvider provider(String target) {
        try {
            return targets.provider(target);
        } catch (ProviderException e) {
            throw GatewayException.of(503, "server_error", "target_unavailable",
                    "target '" + target + "' is unavailable: " + e.getMessage());
        }
    }

    private List<ModelInfo> models(String target) {
        try {
            return targets.models(target);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private String defaultModel(String target, ManagedProvider provider) {
        String configured = provider.config().defaultModel();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return models(target).stream().map(ModelInfo::id).findFirst().orElseThrow(() -> notFound(target,
                "target '" + target + "' has no default model and lists none: write " + target + "/MODEL"));
    }

    private static GatewayException notFound(String model, String why) {
        return new GatewayException(404, "invalid_request_error", "model", "model_not_found",
                "model '" + model + "': " + why, null);
    }
}
