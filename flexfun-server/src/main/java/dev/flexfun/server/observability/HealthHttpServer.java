package dev.flexfun.server.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The health endpoints on {@code health_check_host:health_check_port}, as in the Python reference:
 * {@code GET /ready} answers 202 while the server is ready for calls, else 500;
 * {@code GET /live} answers 202 while every module is healthy, else 500.
 */
public final class HealthHttpServer implements AutoCloseable {
    static final int OK = 202;
    static final int NOT_OK = 500;

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code health} on {@code host:port} (port 0: any free port, see {@link #port()}). */
    public static HealthHttpServer start(String host, int port, ServerHealth health) throws IOException {
        Objects.requireNonNull(health, "health");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/ready", exchange -> answer(exchange, health.isReady(),
                health.isReady() ? "ready" : "not ready: " + health.state().name().toLowerCase(java.util.Locale.ROOT)));
        server.createContext("/live", exchange -> answer(exchange, health.isHealthy(),
                health.isHealthy() ? "live" : "unhealthy modules: " + String.join(", ", health.unhealthyModules())));
        // One daemon thread: probes are rare and cheap, and must never keep the JVM alive.
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flexfun-health-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new HealthHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, boolean ok, String body) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/ready") && !path.equals("/live")) {
                send(exchange, 404, "not found");
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "method not allowed");
            } else {
                send(exchange, ok ? OK : NOT_OK, body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
