package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.llmrecon.api.provider.ChatRequest;
import org.llmrecon.api.provider.MalformedResponseException;
import org.llmrecon.api.provider.ProviderConfig;
import org.llmrecon.api.provider.ProviderException;

/**
 * The provider's own HTTP/1.1 transport, which every plain-http target uses, against a raw server on 127.0.0.1:
 * chunked, close-delimited and interim answers, keep-alive reuse and its limits (a stale connection, one retry,
 * {@code Connection: close}), heads and chunk lines past their bounds, and an interrupt in the middle of a read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http1TransportTest {
    private static final long WAIT_SECONDS = 20;
    private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini").user("hi").build();
    private static final String ANSWER = "{\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Paris\"},\"finish_reason\":\"stop\"}]}";
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    /** {@link #ANSWER} framed by its length, the connection kept alive. */
    private static final String WHOLE = OK + "Content-Length: " + ANSWER.length() + "\r\n\r\n" + ANSWER;

    private final CountDownLatch release = new CountDownLatch(1);
    private RawServer server;
    private OpenAiProvider provider;

    @AfterEach
    void tearDown() throws IOException {
        release.countDown();
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private OpenAiProvider serve(RawServer.Script script) throws IOException {
        server = new RawServer(script);
        provider = new OpenAiProvider(ProviderConfig.builder("openai").apiKey(OpenAiProviderTest.KEY)
                .baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(120)).build(), Clock.systemUTC());
        return provider;
    }

    /** A script that answers every request of its connection with {@link #ANSWER}, kept alive. */
    private static RawServer.Script keptAlive() {
        return (socket, out) -> {
            do {
                RawServer.write(out, WHOLE);
            } while (RawServer.readRequest(socket));
        };
    }

    @Test
    void chunkedAnswerWithExtensionsAndTrailers() throws Exception {
        serve((socket, out) -> RawServer.write(out, OK + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + ";name=value\r\n" + ANSWER.substring(0, 10) + "\r\n"
                + Integer.toHexString(ANSWER.length() - 10).toUpperCase() + "\r\n" + ANSWER.substring(10) + "\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n"));
        assertEquals("Paris", provider.chat(REQUEST).text());
    }

    @Test
    void keepAliveServesSeveralCallsOnOneConnection() throws Exception {
        serve(keptAlive());
        for (int i = 0; i < 5; i++) {
            assertEquals("Paris", provider.chat(REQUEST).text());
        }
        assertEquals(1, server.connections());
    }

    @Test
    void connectionTheServerClosedWhileIdleIsNotReused() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        serve((socket, out) -> {
            RawServer.write(out, WHOLE);
            socket.close();
            closed.countDown();
        });
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertTrue(closed.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertEquals(2, server.connections());
    }

    @Test
    void requestLostOnAReusedConnectionIsSentOnceMoreOnANewOne() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        serve((socket, out) -> {
            if (accepted.incrementAndGet() > 1) {
                keptAlive().run(socket, out);
                return;
            }
            RawServer.write(out, WHOLE);
            RawServer.readRequest(socket); // the second request arrives, and the connection closes unanswered
        });
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertEquals(2, server.connections());
    }

    @Test
    void requestIsSentAtMostTwice() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        serve((socket, out) -> {
            if (accepted.incrementAndGet() == 1) {
                RawServer.write(out, WHOLE);
                RawServer.readRequest(socket);
            }
            // every later connection closes after its request, unanswered
        });
        assertEquals("Paris", provider.chat(REQUEST).text());
        ProviderException e = assertThrows(ProviderException.class, () -> provider.chat(REQUEST));
        assertEquals("connection_error", e.type(), e.getMessage());
        assertEquals(2, server.connections());
        // a new connection that fails is not retried
        assertThrows(ProviderException.class, () -> provider.chat(REQUEST));
        assertEquals(3, server.connections());
    }

    @Test
    void headersPastTheirBoundFailTheCall() throws Exception {
        String many = ("X-Filler: " + "f".repeat(1000) + "\r\n").repeat(70);
        serve((socket, out) -> RawServer.write(out, OK + many + "Content-Length: 2\r\n\r\n{}"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.chat(REQUEST));
        assertTrue(e.getMessage().contains("headers are longer than 65536 bytes"), e.getMessage());
        provider.close();
        server.close();
        serve((socket, out) -> RawServer.write(out, OK + "X-Long: " + "l".repeat(9000) + "\r\n\r\n"));
        e = assertThrows(ProviderException.class, () -> provider.chat(REQUEST));
        assertTrue(e.getMessage().contains("header is longer than 8192 bytes"), e.getMessage());
    }

    @Test
    void chunkSizeLineThatIsNotANumberFailsTheCall() throws Exception {
        for (String line : new String[] {"zz", "1000000000000000", "-1", "1;" + "e".repeat(2000)}) {
            serve((socket, out) -> RawServer.write(out, OK + "Transfer-Encoding: chunked\r\n\r\n" + line + "\r\n{}"));
            MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> provider.chat(REQUEST));
            assertTrue(e.getMessage().contains("answer broke off (the answer has a chunk size line")
                    || e.getMessage().contains("answer broke off (the chunk size line is longer than 1024 bytes"),
                    e.getMessage());
            provider.close();
            server.close();
        }
    }

    @Test
    void chunkThatDoesNotEndWhereItsSizeSaidFailsTheCall() throws Exception {
        serve((socket, out) -> RawServer.write(out, OK + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> provider.chat(REQUEST));
        assertTrue(e.getMessage().contains("does not end where its size said"), e.getMessage());
    }

    @Test
    void bodyThatEndsWithTheConnection() throws Exception {
        serve((socket, out) -> {
            RawServer.write(out, OK + "\r\n" + ANSWER);
            socket.shutdownOutput();
            RawServer.readRequest(socket);
        });
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertEquals(2, server.connections());
    }

    @Test
    void interimAnswersAreSkipped() throws Exception {
        serve((socket, out) -> RawServer.write(out, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n"
                + "Link: </style.css>; rel=preload\r\n\r\n" + WHOLE));
        assertEquals("Paris", provider.chat(REQUEST).text());
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        CountDownLatch clientClosed = new CountDownLatch(1);
        serve((socket, out) -> {
            RawServer.write(out, OK + "Connection: close\r\nContent-Length: " + ANSWER.length() + "\r\n\r\n" + ANSWER);
            if (!RawServer.readRequest(socket)) {
                clientClosed.countDown();
            }
        });
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertTrue(clientClosed.await(WAIT_SECONDS, TimeUnit.SECONDS), "the client closed the connection");
        assertEquals("Paris", provider.chat(REQUEST).text());
        assertEquals(2, server.connections());
    }

    @Test
    void interruptDuringAReadEndsTheCallAndClosesTheConnection() throws Exception {
        CountDownLatch bodyStarted = new CountDownLatch(1);
        CountDownLatch clientClosed = new CountDownLatch(1);
        serve((socket, out) -> {
            RawServer.write(out, OK + "Content-Length: 1000\r\n\r\n{\"choices\":");
            bodyStarted.countDown();
            if (!RawServer.readRequest(socket)) {
                clientClosed.countDown();
            }
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                provider.chat(REQUEST);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("interrupt lost", e));
            }
        });
        thread.start();
        assertTrue(bodyStarted.await(WAIT_SECONDS, TimeUnit.SECONDS));
        thread.interrupt();
        Throwable e = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertInstanceOf(ProviderException.class, e);
        assertTrue(e.getMessage().endsWith("POST /chat/completions was interrupted"), e.getMessage());
        assertTrue(clientClosed.await(WAIT_SECONDS, TimeUnit.SECONDS), "the client closed the connection");
    }

    @Test
    void interruptDuringAStreamEndsItAndClosesTheConnection() throws Exception {
        CountDownLatch clientClosed = new CountDownLatch(1);
        serve((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            String event = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"},\"finish_reason\":null}]}\n\n";
            RawServer.write(out, Integer.toHexString(event.length()) + "\r\n" + event + "\r\n");
            if (!RawServer.readRequest(socket)) {
                clientClosed.countDown();
            }
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                provider.chatStream(REQUEST, chunk -> {
                    Thread.currentThread().interrupt();
                    return true;
                });
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        thread.start();
        Throwable e = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertInstanceOf(ProviderException.class, e);
        assertTrue(e.getMessage().endsWith("POST /chat/completions stream was interrupted"), e.getMessage());
        assertTrue(clientClosed.await(WAIT_SECONDS, TimeUnit.SECONDS), "the client closed the connection");
    }
}
