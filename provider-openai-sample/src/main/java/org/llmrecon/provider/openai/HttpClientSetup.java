package org.llmrecon.provider.openai;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;

/**
 * Builds and ends the one {@link HttpClient} of a provider with an {@code https://} target ({@link JdkTransport}):
 * HTTP/2 over TLS where the server offers it (ALPN), else HTTP/1.1 with keep-alive. Plain http goes through
 * {@link Http1Transport}, which never sends the h2c upgrade offer that the JDK would send with every POST on http
 * and that uvicorn with httptools (the stack under many OpenAI-compatible servers) answers by dropping the
 * request body.
 */
final class HttpClientSetup {
    /** Java 21 added HttpClient.shutdownNow(); on 17 the client ends with its executor and its last reference. */
    private static final MethodHandle SHUTDOWN_NOW = lookupShutdownNow();

    private HttpClientSetup() {
    }

    /**
     * The client's selector thread inherits the context class loader; it must not pin a bundle's loader. Its
     * executor runs tasks where they arise (the selector or the caller): our body handlers never block, and a
     * pool would add two thread hand-offs to every exchange.
     */
    static HttpClient create(ProviderSettings settings) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(null);
        try {
            return HttpClient.newBuilder()
                    .version(settings.https() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Runnable::run)
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static void shutdownNow(HttpClient client) {
        if (SHUTDOWN_NOW != null) {
            try {
                SHUTDOWN_NOW.invoke(client);
            } catch (Throwable e) {
                throw new IllegalStateException("openai: HttpClient.shutdownNow failed", e);
            }
        }
    }

    private static MethodHandle lookupShutdownNow() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdownNow",
                    MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
