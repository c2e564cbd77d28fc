package dev.flexfun.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.CancellationSignal;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.TestThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RemoteHttpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration NO_DEADLINE_TIMEOUT = Duration.ofSeconds(30);
    /** COMMAND_FAILED (5) with both retry flags, as a client receives it. */
    private static final int RETRY_ANYWHERE_COMMAND_FAILED = 0x30005;
    private static HttpServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, "{\"answer\": 42}"));
        server.createContext("/missing", exchange -> answer(exchange, 404, "{\"message\": \"No currency XYZ\"}"));
        server.createContext("/text", exchange -> answer(exchange, 422, "x".repeat(1_000)));
        server.createContext("/down", exchange -> answer(exchange, 503, "{\"error\": \"maintenance until 10:00\"}"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).GET();
    }

    private static FlexFunException fails(String path) {
        return assertThrows(FlexFunException.class,
                () -> RemoteHttp.send(CallContext.builder().build(), CLIENT, get(path), NO_DEADLINE_TIMEOUT));
    }

    @Test
    void aSuccessfulAnswerIsReturned() {
        assertEquals("{\"answer\": 42}",
                RemoteHttp.send(CallContext.builder().build(), CLIENT, get("/ok"), NO_DEADLINE_TIMEOUT).body());
    }

    @Test
    void aClientErrorIsABadArgumentWithTheRemoteMessageAndNoQueryString() {
        FlexFunException e = fails("/missing?api_key=s3cret");
        assertTrue(e instanceof BadArgumentException);
        assertEquals(ErrorCode.BAD_ARGUMENT.code(), e.numericCode());
        assertEquals("http://127.0.0.1:" + server.getAddress().getPort() + "/missing answered HTTP 404: No currency XYZ",
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aLongPlainTextMessageIsCut() {
        FlexFunException e = fails("/text");
        assertEquals(ErrorCode.BAD_ARGUMENT, e.code());
        assertTrue(e.getMessage().endsWith(": " + "x".repeat(RemoteHttp.MAX_REMOTE_MESSAGE) + "..."), e.getMessage());
    }

    @Test
    void aServerErrorIsCommandFailedThatMayBeRetried() {
        FlexFunException e = fails("/down");
        assertEquals(ErrorCode.COMMAND_FAILED, e.code());
        assertEquals(RETRY_ANYWHERE_COMMAND_FAILED, e.numericCode());
        assertTrue(e.getMessage().endsWith("/down answered HTTP 503: maintenance until 10:00"), e.getMessage());
    }

    @Test
    void anUnreachableServiceIsCommandFailedThatMayBeRetried() throws IOException {
        URI closedPort;
        try (HangingHttpServer gone = new HangingHttpServer()) {
            closedPort = gone.uri("/rates");
        }
        FlexFunException e = assertThrows(FlexFunException.class, () -> RemoteHttp.send(CallContext.builder().build(),
                CLIENT, HttpRequest.newBuilder(closedPort), NO_DEADLINE_TIMEOUT));
        assertEquals(ErrorCode.COMMAND_FAILED, e.code());
        assertEquals(RETRY_ANYWHERE_COMMAND_FAILED, e.numericCode());
        assertTrue(e.getMessage().startsWith("Calling " + closedPort + " failed"), e.getMessage());
    }

    @Test
    void theCallsDeadlineIsTheRequestTimeout() throws IOException, InterruptedException {
        try (HangingHttpServer hanging = new HangingHttpServer()) {
            CallContext ctx = CallContext.builder().deadline(Instant.now().plusMillis(500)).build();
            long start = System.nanoTime();
            FlexFunException e = assertThrows(FlexFunException.class,
                    () -> RemoteHttp.send(ctx, CLIENT, HttpRequest.newBuilder(hanging.uri("/rates")), NO_DEADLINE_TIMEOUT));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ErrorCode.COMMAND_FAILED, e.code());
            assertEquals(RETRY_ANYWHERE_COMMAND_FAILED, e.numericCode());
            assertTrue(e.getMessage().contains(" did not answer within "), e.getMessage());
            assertTrue(tookMs >= 400 && tookMs < 10_000, "timed out after " + tookMs + " ms, the deadline was 500 ms");
            assertTrue(hanging.connectionClosed.await(10, TimeUnit.SECONDS), "the timed-out request's connection closed");
        }
    }

    @Test
    void aPassedDeadlineSendsNothing() {
        CallContext ctx = CallContext.builder().deadline(Instant.now().minusMillis(1)).build();
        FlexFunException e = assertThrows(FlexFunException.class,
                () -> RemoteHttp.send(ctx, CLIENT, get("/ok"), NO_DEADLINE_TIMEOUT));
        assertEquals(RETRY_ANYWHERE_COMMAND_FAILED, e.numericCode());
        assertTrue(e.getMessage().startsWith("No time was left to call "), e.getMessage());
    }

    @Test
    void cancellingTheCallAbortsTheRequest() throws Exception {
        try (HangingHttpServer hanging = new HangingHttpServer()) {
            CancellationSignal cancellation = new CancellationSignal();
            CallContext ctx = CallContext.builder().functionName("Rates").cancellation(cancellation).build();
            CompletableFuture<?> call = CompletableFuture.runAsync(() -> RemoteHttp.send(ctx, CLIENT,
                    HttpRequest.newBuilder(hanging.uri("/rates?token=abc")), NO_DEADLINE_TIMEOUT), TestThreads.NEW_THREAD);
            assertTrue(hanging.requestReceived.await(10, TimeUnit.SECONDS), "the request arrived");
            cancellation.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CallCancelledException, "was " + e.getCause());
            assertEquals("Call of 'Rates' was cancelled; its request to " + hanging.uri("/rates") + " was aborted.",
                    e.getCause().getMessage());
            assertTrue(hanging.connectionClosed.await(10, TimeUnit.SECONDS), "the aborted request's connection closed");
        }
    }
}
