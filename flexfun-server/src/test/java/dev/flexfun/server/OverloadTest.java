package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.server.fixtures.Gate;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.SampleSchema;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Over real Flight RPC: clients that give up stop their function; a call over the memory limit is
 * refused, after the results already read have given their memory up.
 */
class OverloadTest {
    private static final long WAIT_S = 10;

    @Test
    void aClientWhoseDeadlinePassesDuringGetFlightInfoStopsTheFunctionWithin100Ms() throws Exception {
        Gate gate = new Gate();
        try (ServerHarness h = ServerHarness.start("", gate.function("Gate"))) {
            h.client.listFlights(org.apache.arrow.flight.Criteria.ALL).forEach(info -> { }); // connected
            CompletableFuture<FlightRuntimeException> gaveUp = CompletableFuture.supplyAsync(() -> failure(
                    () -> h.call("Gate", "{}", CallOptions.timeout(1, TimeUnit.SECONDS))));
            assertTrue(gate.entered.await(WAIT_S, TimeUnit.SECONDS), "the function runs");
            FlightRuntimeException failure = gaveUp.get(WAIT_S, TimeUnit.SECONDS);
            // The server hears of the cancel when the client does (gRPC propagates the deadline): 100 ms at most.
            assertTrue(gate.interrupted.await(100, TimeUnit.MILLISECONDS),
                    "the function was interrupted within 100 ms of the client giving up (" + failure + ")");
            assertTrue(gate.sawCancelSignal, "the function saw isCancelled()");
            assertTrue(gate.returnedResult.await(WAIT_S, TimeUnit.SECONDS));
            assertTrue(gate.returned.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "what it returned is freed");
        }
    }

    @Test
    void aStreamStillProducingAfterItsDeadlineIsStoppedWithTimeoutAndFreed() throws Exception {
        GeneratedResult endless = new GeneratedResult(-1, 1_000, false);
        try (ServerHarness h = ServerHarness.start("[flexfun]\nstream_deadline_ms = 300\n",
                TestFunction.sample("Endless", ctx -> endless))) {
            org.apache.arrow.flight.FlightInfo info = h.call("Endless", "{}");
            ErrorInfo error = assertProtocolError(failure(() -> {
                try (org.apache.arrow.flight.FlightStream stream = h.client.getStream(
                        info.getEndpoints().get(0).getTicket())) {
                    while (stream.next()) {
                        // the client keeps reading; only the deadline ends the stream
                    }
                }
            }), ErrorCode.TIMEOUT, FlightStatus.TIMED_OUT);
            assertTrue(error.msg().contains("stream_deadline_ms"), error.msg());
            assertTrue(endless.streamClosed.await(WAIT_S, TimeUnit.SECONDS), "the stream is closed");
            assertTrue(endless.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "the single-use result is freed");
        }
    }

    @Test
    void aCallNeedingMoreArrowMemoryThanTheLimitGetsBackpressureAndTheServerStaysUp() throws Exception {
        TestFunction hungry = TestFunction.sample("Hungry", ctx -> {
            ArrowBuf tooBig = ctx.allocator().buffer(64L << 20); // the limit below is 16 MB
            tooBig.close();
            return new GeneratedResult(1, 1, true);
        });
        TestFunction small = TestFunction.sample("Small", ctx -> new GeneratedResult(5, 5, true));
        try (ServerHarness h = ServerHarness.start("[flexfun]\narrow_memory_limit_mb = 16\n", hungry, small)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Hungry", "{}")), ErrorCode.BACKPRESSURE,
                    FlightStatus.UNAVAILABLE);
            assertTrue(info.msg().contains("arrow_memory_limit_mb"), info.msg());
            assertEquals(5, h.read(h.call("Small", "{}")).size(), "the server still serves calls");
        }
    }

    @Test
    void resultsAlreadyReadGiveTheirArrowMemoryToANewCallButUnreadOnesAreKept() throws Exception {
        int rows = 100_000; // about 5 MB of vectors: an unread result and one call fit the limit, a third does not
        TestFunction table = TestFunction.sample("Table", ctx -> {
            VectorSchemaRoot root = VectorSchemaRoot.create(SampleSchema.SCHEMA, ctx.allocator());
            SampleSchema.fill(root, 0, rows);
            return FlexResult.of(root); // repeatable: kept for a repeated read after it was read
        });
        try (ServerHarness h = ServerHarness.start("[flexfun]\narrow_memory_limit_mb = 16\n", table)) {
            FlightInfo unread = h.call("Table", "{}");
            for (int call = 0; call < 6; call++) {
                assertEquals(rows, h.read(h.call("Table", "{}")).size(), "call " + call);
            }
            assertEquals(rows, h.read(unread).size(), "the result nobody had read yet is still there");
        }
    }

    @Test
    void aCallThatWouldOutwaitItsClientsDeadlineGetsBackpressureAtOnce() throws Exception {
        Gate gate = new Gate();
        TestFunction sleeps = TestFunction.sample("Sleeps", ctx -> {
            Thread.sleep(ctx.parameters().path("ms").asLong());
            return new GeneratedResult(1, 1, true);
        });
        try (ServerHarness h = ServerHarness.start("task_threads = 1\n[flexfun]\ntask_queue_size = 4\n",
                gate.function("Gate"), sleeps)) {
            assertEquals(1, h.read(h.call("Sleeps", "{\"ms\": 400}")).size()); // runs typically take 400 ms now
            CompletableFuture<Integer> holding = CompletableFuture.supplyAsync(() -> h.read(h.call("Gate", "{}")).size());
            assertTrue(gate.entered.await(WAIT_S, TimeUnit.SECONDS), "the only task thread is taken");

            // Waiting for the running call (about 400 ms) and then running (400 ms) does not fit in 600 ms:
            // BACKPRESSURE, which arrives before the client's deadline (after it, the client would see TIMEOUT).
            ErrorInfo refused = assertProtocolError(failure(() -> h.call("Sleeps", "{\"ms\": 400}",
                    CallOptions.timeout(600, TimeUnit.MILLISECONDS))), ErrorCode.BACKPRESSURE, FlightStatus.UNAVAILABLE);
            assertTrue(refused.msg().contains("client's own deadline"), refused.msg());

            // A client that waits long enough is taken, and served once the thread is free.
            CompletableFuture<Integer> patient = CompletableFuture.supplyAsync(() -> h.read(h.call("Sleeps",
                    "{\"ms\": 1}", CallOptions.timeout(WAIT_S, TimeUnit.SECONDS))).size());
            gate.open.countDown();
            assertEquals(5, holding.get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(1, patient.get(WAIT_S, TimeUnit.SECONDS));
        }
    }
}
