package org.llmrecon.provider.openai;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The whole body of an answer that is not a stream, collected as the client receives it, so that
 * {@link java.net.http.HttpClient#send} returns once, with the answer complete: the caller's thread is woken
 * once, not once for the headers and again for each part of the body (which {@code ofInputStream} costs).
 * {@link Http1Transport} feeds it the bytes it reads itself, so both transports apply the same bounds. A
 * 2xx body past {@link CallLimits#maxResponseBytes()} is cancelled (the connection dropped) and the
 * exchange fails with {@link SseReader.LimitExceeded}; any other answer is cut at
 * {@value EventStream#ERROR_BODY_BYTES} bytes, enough for its message. One per exchange; {@link CallWatch}
 * reads {@link #waitingSince()} to end a body that stops sending.
 */
final class WholeBody implements HttpResponse.BodyHandler<byte[]> {
    private final long maxResponseBytes;
    private volatile long waitingSince;
    private volatile boolean headers;
    private volatile SseReader.LimitExceeded exceeded;

    /** @param maxResponseBytes the largest 2xx body accepted */
    WholeBody(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        headers = true;
        waitingSince = System.nanoTime();
        boolean success = info.statusCode() / 100 == 2;
        return new Collector(success ? maxResponseBytes : Math.min(EventStream.ERROR_BODY_BYTES, maxResponseBytes),
                success);
    }

    /** @return whether the answer's headers arrived (the body was being read) */
    boolean headersArrived() {
        return headers;
    }

    /** @return since when the body waits for bytes, or 0 when no body is being read */
    long waitingSince() {
        return waitingSince;
    }

    /** @return the limit the 2xx body went past, or {@code null} */
    SseReader.LimitExceeded exceeded() {
        return exceeded;
    }

    private final class Collector implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long max;
        private final boolean strict;
        private Flow.Subscription subscription;
        private byte[] bytes = new byte[0];
        private int length;

        Collector(long max, boolean strict) {
            this.max = max;
            this.strict = strict;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            waitingSince = System.nanoTime();
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                add(buffer);
            }
        }

        private void add(ByteBuffer buffer) {
            int count = buffer.remaining();
            if (length + (long) count > max) {
                if (strict) {
                    SseReader.LimitExceeded e = new SseReader.LimitExceeded(CallLimits.MAX_RESPONSE_BYTES, max);
                    exceeded = e;
                    subscription.cancel();
                    result.completeExceptionally(e);
                    return;
                }
                count = (int) (max - length);
            }
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(length + count, 2L * bytes.length)));
            }
            buffer.get(bytes, length, count);
            length += count;
            if (!strict && length == max) {
                subscription.cancel();
                done();
            }
        }

        @Override
        public void onError(Throwable e) {
            waitingSince = 0;
            result.completeExceptionally(e);
        }

        @Override
        public void onComplete() {
            done();
        }

        private void done() {
            waitingSince = 0;
            result.complete(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
        }
    }
}
