package org.llmrecon.provider.anthropic;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderException;
import org.llmrecon.api.provider.ProviderTimeoutException;
import org.llmrecon.api.provider.ProviderUnavailableException;

/**
 * What every request of one anthropic provider passes through: the closed check,
 * call numbering, the configured latency and the injected faults. Waits end
 * early when the provider is closed, so no call outlives its provider.
 */
final class CallGate {

    /**
     * A call that was let through.
     *
     * @param number its number, counting from 1 per provider instance
     * @param malformed whether its stream must break half way
     */
    record Call(long number, boolean malformed) {
    }

    private final AnthropicSettings settings;
    private final Duration timeout;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);

    CallGate(AnthropicSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * Numbers the call, waits the latency and raises the fault due, if any.
     *
     * @param streaming whether a malformed fault is left to the stream to raise half way
     * @return the call
     */
    Call enter(boolean streaming) {
        checkOpen();
        long number = calls.incrementAndGet();
        pause(settings.latency());
        if (!faultDue(number)) {
            return new Call(number, false);
        }
        Fault fault = settings.fault();
        switch (fault.kind()) {
            case STATUS -> throw fault.statusException(number, settings.retryAfter());
            case TIMEOUT -> {
                pause(timeout);
                throw new ProviderTimeoutException("anthropic: injected timeout, no answer within " + timeout.toMillis()
                        + "ms (call " + number + ")", null);
            }
            case MALFORMED -> {
                if (!streaming) {
                    throw new MalformedResponseException("anthropic: injected malformed response (call " + number + ")",
                            null);
                }
                return new Call(number, true);
            }
            default -> throw new IllegalStateException("fault " + fault);
        }
    }

    /** Waits, ending early with an exception when the provider is closed or the thread interrupted. */
    void pause(Duration delay) {
        checkOpen();
        if (delay.isZero()) {
            return;
        }
        try {
            if (closed.await(TimeUnit.NANOSECONDS.convert(delay), TimeUnit.NANOSECONDS)) {
                throw closedException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("anthropic: interrupted while waiting", e);
        }
    }

    void checkOpen() {
        if (closed.getCount() == 0) {
            throw closedException();
        }
    }

    void close() {
        closed.countDown();
    }

    private boolean faultDue(long number) {
        if (settings.fault().kind() == Fault.Kind.NONE) {
            return false;
        }
        if (settings.faultEvery() > 1 && number % settings.faultEvery() != 0) {
            return false;
        }
        return settings.faultCount() == 0 || faults.incrementAndGet() <= settings.faultCount();
    }

    private static ProviderUnavailableException closedException() {
        return new ProviderUnavailableException("anthropic: provider is closed");
    }
}
