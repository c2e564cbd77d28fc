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
import dev.flexfun.server.protocol.FlightStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

    private static void awaitShuttingDown(FlexFunServer server) throws Exception {
        server.health().shutdownBegun().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aLongStreamInFlightCompletesWhileNewCallsGetShuttingDown() throws Exception {
        // The stream stays in flight (its producer waits in the function) until the refusals are seen:
        // relying on backpressure instead was flaky, as the client's flow-control window grows on loopback
        // until the server has sent the whole result and the server, idle, stops its transport.
        CountDownLatch release = new CountDownLatch(1);
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("shutdown_grace_sec = 60\n"))
                .function(TestFunction.sample("Long",
                        ctx -> new GeneratedResult(ROWS, BATCH, false).holdingAfterFirstBatch(release))))) {
            FlightInfo info = h.call("Long", "{}");
            long rows = 0;
            CompletableFuture<Void> closing;
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                rows += stream.getRoot().getRowCount();

                closing = closeInBackground(h.server);
                awaitShuttingDown(h.server);

                assertProtocolError(ServerHarness.failure(() -> h.call("Long", "{}")), ErrorCode.SHUTTING_DOWN,
                        FlightStatus.UNAVAILABLE);
                assertProtocolError(ServerHarness.failure(() -> h.client.listFlights(Criteria.ALL).forEach(i -> { })),
                        ErrorCode.SHUTTING_DOWN, FlightStatus.UNAVAILABLE);
                assertFalse(closing.isDone(), "close() waits for the stream in flight");
                release.countDown();

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
