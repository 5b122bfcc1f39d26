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

/**
 * A server on 127.0.0.1 that writes raw bytes after reading a request's headers, for what an HTTP server
 * library will not do: reset the connection in the middle of a body.
 */
final class RawServer implements AutoCloseable {
    /** What the server writes to one connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    RawServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    executor.execute(() -> serve(socket, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void serve(Socket socket, Script script) {
        try (socket) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int b; matched < end.length && (b = in.read()) >= 0;) {
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            script.run(socket, socket.getOutputStream());
        } catch (IOException e) {
            // the client went away
        }
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
