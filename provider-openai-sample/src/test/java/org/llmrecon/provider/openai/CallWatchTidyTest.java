package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The provider's watch thread tidies its transport's idle connections while there are any, and only then. */
class CallWatchTidyTest {
    /** A transport that only says whether it keeps idle connections and counts the tidies. */
    private static final class IdleConnections implements Transport {
        final CountDownLatch tidied = new CountDownLatch(1);
        volatile boolean idle;

        @Override
        public HttpResponse<byte[]> whole(HttpRequest request, byte[] bytes, WholeBody body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpResponse<InputStream> open(HttpRequest request, byte[] bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean needsTidy() {
            return idle;
        }

        @Override
        public void tidy() {
            idle = false;
            tidied.countDown();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void idleConnectionsAreTidiedWithoutACall() throws InterruptedException {
        IdleConnections transport = new IdleConnections();
        transport.idle = true;
        try (CallWatch watch = new CallWatch("test-watch", Duration.ofSeconds(30), Duration.ofSeconds(30), transport)) {
            assertTrue(transport.tidied.await(CallWatch.TIDY_EVERY.toSeconds() * 6, TimeUnit.SECONDS),
                    "the watch tidied the idle connections within a few of its periods");
        }
    }
}
