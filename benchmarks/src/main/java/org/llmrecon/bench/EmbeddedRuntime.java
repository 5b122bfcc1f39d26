package org.llmrecon.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.llmrecon.api.provider.ProviderUnavailableException;
import org.llmrecon.api.runtime.ManagedProvider;
import org.llmrecon.launcher.LlmRecon;

/**
 * The runtime as a program embeds it (the launcher's {@link LlmRecon}), for benchmarks that call providers
 * the way users do: the managed provider the {@code ProviderFactory} hands out, with its resilience layer
 * and metrics. No internal class of the runtime is used.
 */
public final class EmbeddedRuntime {
    private EmbeddedRuntime() {
    }

    /** @return the provider of {@code type} once the factory offers it (a bundle's DS component may come later) */
    public static ManagedProvider awaitProvider(LlmRecon llm, String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            try {
                return llm.providerFactory().getProvider(type);
            } catch (ProviderUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("provider '" + type + "' not offered within " + timeout, e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }
}
