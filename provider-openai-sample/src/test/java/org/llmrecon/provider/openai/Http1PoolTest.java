package org.llmrecon.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounds of {@link Http1Pool}: how many idle connections it keeps, for how long, and nothing after close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http1PoolTest {
    private final ServerSocket server;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    Http1PoolTest() throws IOException {
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        });
        acceptor.start();
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        server.close();
        acceptor.join();
        for (Socket s : accepted) {
            s.close();
        }
    }

    private Http1Pool pool(Duration keepIdle) {
        return new Http1Pool("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(10), keepIdle);
    }

    @Test
    void keepsAtMostMaxIdleConnections() throws IOException {
        try (Http1Pool pool = pool(Duration.ofMinutes(5))) {
            List<Http1Connection> open = new ArrayList<>();
            for (int i = 0; i < Http1Pool.MAX_IDLE + 3; i++) {
                open.add(pool.connect());
            }
            open.forEach(pool::release);
            assertEquals(Http1Pool.MAX_IDLE, pool.idleCount());
            Http1Connection last = open.get(Http1Pool.MAX_IDLE - 1);
            assertSame(last, pool.reuse(), "the most recently used first");
            assertEquals(Http1Pool.MAX_IDLE - 1, pool.idleCount());
        }
    }

    @Test
    void dropsConnectionsIdleForTooLong() throws IOException {
        try (Http1Pool pool = pool(Duration.ZERO)) {
            pool.release(pool.connect());
            assertNull(pool.reuse());
            assertEquals(0, pool.idleCount());
        }
    }

    @Test
    void tidyClosesAConnectionTheServerClosedWithoutWaitingForTheNextRequest() throws Exception {
        try (Http1Pool pool = pool(Duration.ofMinutes(5))) {
            pool.release(pool.connect());
            Socket serverSide = accepted.poll(20, TimeUnit.SECONDS);
            assertNotNull(serverSide);
            serverSide.close();
            // the server's FIN arrives on its own time: tidy until the pool saw it (the class's timeout bounds it)
            while (pool.hasIdle()) {
                pool.tidy();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            assertEquals(0, pool.idleCount());
        }
    }

    @Test
    void tidyKeepsLiveConnectionsInTheirOrder() throws Exception {
        try (Http1Pool pool = pool(Duration.ofMinutes(5))) {
            Http1Connection older = pool.connect();
            Http1Connection newer = pool.connect();
            pool.release(older);
            pool.release(newer);
            pool.tidy();
            assertEquals(2, pool.idleCount());
            assertSame(newer, pool.reuse(), "the most recently used first, as before the tidy");
            assertSame(older, pool.reuse());
        }
    }

    @Test
    void tidyDropsConnectionsIdleForTooLong() throws Exception {
        try (Http1Pool pool = pool(Duration.ZERO)) {
            pool.release(pool.connect());
            Socket serverSide = accepted.poll(20, TimeUnit.SECONDS);
            assertNotNull(serverSide);
            pool.tidy();
            assertEquals(0, pool.idleCount());
            assertEquals(-1, serverSide.getInputStream().read(), "the server sees the connection closed");
        }
    }

    @Test
    void closedPoolClosesItsConnectionsAndRefusesMore() throws Exception {
        Http1Pool pool = pool(Duration.ofMinutes(5));
        pool.release(pool.connect());
        Socket serverSide = accepted.poll(20, TimeUnit.SECONDS);
        assertNotNull(serverSide);
        pool.close();
        assertEquals(-1, serverSide.getInputStream().read(), "the server sees the connection closed");
        assertThrows(IOException.class, pool::reuse);
        assertThrows(IOException.class, pool::connect);
    }
}
