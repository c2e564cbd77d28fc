package dev.flexfun.server.lifecycle;

import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.OwnThreads;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.observability.ServerHealth;
import dev.flexfun.server.protocol.FlightStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown of the real server: a long stream in flight completes while new calls are
 * refused with SHUTTING_DOWN; then everything closes without leaks.
 */
class GracefulShutdownTest {
    private static final long ROWS = 200_000;
    private static final int BATCH = 1_000;

    private static CompletableFuture<Void> closeInBackground(FlexFunServer server) {
        return CompletableFuture.runAsync(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, OwnThreads.EACH_TASK);
    }

    private static void awaitShuttingDown(FlexFunServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.health().state() != ServerHealth.State.SHUTTING_DOWN) {
            assertTrue(System.nanoTime() < deadline, "the server never began shutting down");
            Thread.sleep(5);
        }
    }

    @Test
    void aLongStreamInFlightCompletesWhileNewCallsGetShuttingDown() throws Exception {
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("shutdown_grace_sec = 60\n"))
                .function(TestFunction.sample("Long", ctx -> new GeneratedResult(ROWS, BATCH, false))))) {
            FlightInfo info = h.call("Long", "{}");
            long rows = 0;
            CompletableFuture<Void> closing;
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                rows += stream.getRoot().getRowCount();

                // Backpressure keeps most of the stream on the server while it starts shutting down.
                closing = closeInBackground(h.server);
                awaitShuttingDown(h.server);

                assertProtocolError(ServerHarness.failure(() -> h.call("Long", "{}")), ErrorCode.SHUTTING_DOWN,
                        FlightStatus.UNAVAILABLE);
                assertProtocolError(ServerHarness.failure(() -> h.client.listFlights(Criteria.ALL).forEach(i -> { })),
                        ErrorCode.SHUTTING_DOWN, FlightStatus.UNAVAILABLE);
                assertFalse(closing.isDone(), "close() waits for the stream in flight");

                while (stream.next()) {
                    rows += stream.getRoot().getRowCount();
                }
            }
            assertEquals(ROWS, rows, "the stream in flight was sent whole");
            closing.get(30, TimeUnit.SECONDS);
        } // the harness checks the allocators: nothing leaked
    }

    @Test
    void aCallOutlivingTheGracePeriodIsCancelledAndEverythingIsFreed() throws Exception {
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("shutdown_grace_sec = 0.3\n"))
                .function(TestFunction.sample("Endless", ctx -> new GeneratedResult(-1, BATCH, false))))) {
            FlightInfo info = h.call("Endless", "{}");
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                CompletableFuture<Void> closing = closeInBackground(h.server);
                // The client keeps reading; after the grace period the server stops the stream.
                assertProtocolError(ServerHarness.failure(() -> {
                    while (stream.next()) {
                        // an endless result
                    }
                }), ErrorCode.SHUTTING_DOWN, FlightStatus.UNAVAILABLE);
                closing.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
