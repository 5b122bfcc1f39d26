package org.llmrecon.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server on 127.0.0.1 that writes raw bytes after reading a request, for what an HTTP server library will not
 * do: reset the connection in the middle of a body, send malformed heads and chunks, or close a kept-alive
 * connection at a chosen moment. It counts the connections it accepted.
 */
final class RawServer implements AutoCloseable {
    /** What the server writes to one connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket socket, OutputStream out) throws IOException;
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *([0-9]+)\r\n");

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();

    RawServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    executor.execute(() -> serve(socket, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void serve(Socket socket, Script script) {
        try (socket) {
            if (readRequest(socket)) {
                script.run(socket, socket.getOutputStream());
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /**
     * Reads one request: its head, and a body of its {@code Content-Length}.
     *
     * @return {@code false} when the client closed the connection before a request
     */
    static boolean readRequest(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        for (int b; !head.toString().endsWith("\r\n\r\n");) {
            if ((b = in.read()) < 0) {
                return false;
            }
            head.append((char) b);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return true;
    }

    /** Writes text as it is, flushed. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** @return how many connections the server accepted */
    int connections() {
        return connections.get();
    }

    /** Closes the connection with a TCP reset instead of an orderly end. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
