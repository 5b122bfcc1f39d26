package org.llmrecon.gateway.internal.openai;

import org.llmrecon.api.provider.AuthenticationException;
import org.llmrecon.api.provider.InvalidRequestException;
import org.llmrecon.api.provider.ModelNotFoundException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.provider.RateLimitException;

/**
 * A failed provider call as the client sees it: the provider's own status and
 * message where it had one, else the status that fits the kind of failure.
 * The kind also labels the error metrics.
 */
final class ProviderErrors {
    private ProviderErrors() {
    }

    static GatewayException of(ProviderException e) {
        int status = e.status() >= 400 && e.status() <= 599 ? e.status() : fallbackStatus(e);
        String type = e.type() != null ? e.type() : typeOf(status);
        return new GatewayException(status, type, e.param(), e.code(), message(e), e.retryAfter().orElse(null));
    }

    /** @return the error kind for metrics: rate_limit, auth, invalid_request, model_not_found, unavailable, ... */
    static String kind(ProviderException e) {
        if (e instanceof RateLimitException) {
            return "rate_limit";
        } else if (e instanceof AuthenticationException) {
            return "auth";
        } else if (e instanceof InvalidRequestException) {
            return "invalid_request";
        } else if (e instanceof ModelNotFoundException) {
            return "model_not_found";
        } else if (e instanceof ProviderUnavailableException) {
            return "unavailable";
        } else if (e instanceof ProviderTimeoutException) {
            return "timeout";
        }
        return "server";
    }

    private static int fallbackStatus(ProviderException e) {
        return switch (kind(e)) {
            case "rate_limit" -> 429;
            case "auth" -> 401;
            case "invalid_request" -> 400;
            case "model_not_found" -> 404;
            case "unavailable" -> 503;
            case "timeout" -> 504;
            default -> 502;
        };
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 400, 404, 409, 413, 422 -> "invalid_request_error";
            case 401, 403 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> "server_error";
        };
    }

    private static String message(ProviderException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
