package org.llmrecon.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.llmrecon.api.provider.CompletionRequest;
import org.llmrecon.api.provider.EmbeddingRequest;
import org.llmrecon.api.provider.Provider;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderUnavailableException;

class ProviderCloseTest {

    private static final long DEADLINE_SECONDS = 30;

    @Test
    void everyCallAfterCloseFailsClearly() {
        Provider provider = Anthropics.provider();
        provider.close();
        provider.close();
        List<Runnable> calls = List.of(provider::listModels, () -> provider.modelInfo("anthropic-chat"),
                () -> provider.chat(Anthropics.hello()), () -> provider.chatStream(Anthropics.hello(), c -> true),
                () -> provider.complete(CompletionRequest.of(null, "x")),
                () -> provider.embed(EmbeddingRequest.of(null, "x")), () -> provider.countTokens("x", null));
        for (Runnable call : calls) {
            assertEquals("anthropic: provider is closed",
                    assertThrows(ProviderUnavailableException.class, call::run).getMessage());
        }
        assertEquals("anthropic", provider.type());
    }

    @Test
    void closeEndsACallWaitingOutItsLatency() throws Exception {
        Provider provider = Anthropics.provider("latency", "1h");
        Throwable failure = failureOfWaitingCall(provider, p -> p.chat(Anthropics.hello()), t -> provider.close());
        assertInstanceOf(ProviderUnavailableException.class, failure);
    }

    @Test
    void closeEndsAStreamBetweenTokens() throws Exception {
        Provider provider = Anthropics.provider("tokenDelay", "1h");
        List<String> received = new ArrayList<>();
        Throwable failure = failureOfWaitingCall(provider,
                p -> p.chatStream(Anthropics.hello(), chunk -> received.add(chunk.content())), t -> provider.close());
        assertInstanceOf(ProviderUnavailableException.class, failure);
        assertEquals(List.of("Echo"), received);
    }

    @Test
    void interruptEndsAWaitAndKeepsTheFlag() throws Exception {
        Provider provider = Anthropics.provider("latency", "1h");
        boolean[] interrupted = new boolean[1];
        Throwable failure = failureOfWaitingCall(provider, p -> {
            try {
                return p.chat(Anthropics.hello());
            } finally {
                interrupted[0] = Thread.currentThread().isInterrupted();
            }
        }, Thread::interrupt);
        assertEquals(ProviderException.class, failure.getClass());
        assertEquals("anthropic: interrupted while waiting", failure.getMessage());
        assertTrue(interrupted[0]);
    }

    private static Throwable failureOfWaitingCall(Provider provider, Function<Provider, Object> call,
            Consumer<Thread> stop) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                result.complete(call.apply(provider));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "anthropic-caller");
        caller.setDaemon(true);
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (caller.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the call never started waiting");
            Thread.onSpinWait();
        }
        stop.accept(caller);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> result.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
        caller.join(Duration.ofSeconds(DEADLINE_SECONDS).toMillis());
        return e.getCause();
    }
}
