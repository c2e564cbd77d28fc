package dev.flexfun.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP server on a free loopback port that reads one request and never answers: it tells when the
 * request arrived and when the client closed the connection (an aborted request).
 */
final class HangingHttpServer implements AutoCloseable {
    final CountDownLatch requestReceived = new CountDownLatch(1);
    final CountDownLatch connectionClosed = new CountDownLatch(1);
    private final ServerSocket socket;
    private final Thread thread;

    HangingHttpServer() throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serveOne, "hanging-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
    }

    private void serveOne() {
        try (Socket connection = socket.accept(); InputStream in = connection.getInputStream()) {
            int matched = 0;
            byte[] endOfHeaders = {'\r', '\n', '\r', '\n'};
            while (matched < endOfHeaders.length) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == endOfHeaders[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requestReceived.countDown();
            while (in.read() >= 0) {
                // never answer; wait for the client to go away
            }
        } catch (IOException reset) {
            // a reset connection is a closed one too
        } finally {
            connectionClosed.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
