package org.llmrecon.gateway.internal.openai;

import java.time.Duration;

/**
 * A request the gateway answers with an OpenAI error: the HTTP status and the
 * {@code error} object's fields. The message is shown to the client, so it
 * never holds a secret.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final transient Duration retryAfter;

    GatewayException(int status, String type, String param, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** @param param the field at fault @param message what is wrong with it @return a 400 naming the field */
    public static GatewayException badField(String param, String message) {
        return new GatewayException(400, "invalid_request_error", param, null, param + ": " + message, null);
    }

    /** @param status the status @param type the error type @param code the code @param message the message @return it */
    public static GatewayException of(int status, String type, String code, String message) {
        return new GatewayException(status, type, null, code, message, null);
    }

    /** @param message why @param retryAfter when to retry @return a 429 */
    public static GatewayException rateLimited(String message, Duration retryAfter) {
        return new GatewayException(429, "rate_limit_error", null, "rate_limit_exceeded", message, retryAfter);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** @return when the client may retry, or {@code null} */
    public Duration retryAfter() {
        return retryAfter;
    }
}
