package dev.flexfun.server;

import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.observability.CallLog;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A DoGet whose client stops reading but stays connected is cancelled after stream_stall_timeout_ms. */
class StreamStallTest {
    /** Generous upper bound for the server to notice the stall and free; not a timing assertion. */
    private static final long WAIT_S = 30;
    /** 2,000 batches of 10,000 sample rows: far more than gRPC's flow-control window lets through unread. */
    private static final long ROWS = 20_000_000;
    private static final int BATCH = 10_000;

    private final Logger callLogger = (Logger) LoggerFactory.getLogger("dev.flexfun.server.calls");
    private final ListAppender<ILoggingEvent> callLines = new ListAppender<>();

    @BeforeEach
    void captureCallLog() {
        callLines.start();
        callLogger.addAppender(callLines);
    }

    @AfterEach
    void releaseCallLog() {
        callLogger.detachAppender(callLines);
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndEverythingIsFreed() throws Exception {
        GeneratedResult big = new GeneratedResult(ROWS, BATCH, false);
        TestFunction stalled = TestFunction.sample("Big", ctx -> big);
        TestFunction sample = TestFunction.sample("Sample", ctx -> new GeneratedResult(3, 2, true));
        try (ServerHarness h = ServerHarness.start("[flexfun]\nstream_stall_timeout_ms = 300\n", stalled, sample)) {
            FlightInfo info = h.call("Big", "{}");
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                assertEquals(BATCH, stream.getRoot().getRowCount());
                // The client stops reading and keeps the stream open: the server must give up and free.
                assertTrue(big.streamClosed.await(WAIT_S, TimeUnit.SECONDS), "the function's stream is closed");
                assertTrue(big.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "the single-use result is freed");
                awaitServerMemoryFreed(h);
                assertTrue(big.batchesFilled.get() < 2_000, "the stream was cut, not sent whole");

                // The server is not held hostage: another call runs to the end meanwhile.
                assertEquals(3, h.read(h.call("Sample", "{}")).size());

                // Reading on, the client gets what was already on its way, then the TIMEOUT.
                ErrorInfo error = assertProtocolError(ServerHarness.failure(() -> {
                    while (stream.next()) {
                        // batches sent before the stall timeout
                    }
                }), ErrorCode.TIMEOUT, FlightStatus.TIMED_OUT);
                assertEquals("The client did not read the result of 'Big' for 300 ms; the stream was cancelled.",
                        error.msg());
            }
            assertEquals("TIMEOUT", doGetOutcomes().get("Big"), () -> "call log: " + callLines.list);
            assertEquals("OK", doGetOutcomes().get("Sample"));
        } // the harness closes the allocators: a leak fails the test
    }

    @Test
    void aStalledStreamGivesBackItsInFlightPermitSoShutdownNeedsNoGracePeriod() throws Exception {
        Logger serverLogger = (Logger) LoggerFactory.getLogger(FlexFunServer.class);
        ListAppender<ILoggingEvent> serverLines = new ListAppender<>();
        serverLines.start();
        serverLogger.addAppender(serverLines);
        GeneratedResult big = new GeneratedResult(ROWS, BATCH, false);
        // A grace period far longer than the stall timeout: a permit still held would use it all up.
        String toml = "shutdown_grace_sec = 20\n[flexfun]\nstream_stall_timeout_ms = 300\n";
        try (ServerHarness h = ServerHarness.start(toml, TestFunction.sample("Big", ctx -> big))) {
            FlightInfo info = h.call("Big", "{}");
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                assertTrue(big.streamClosed.await(WAIT_S, TimeUnit.SECONDS), "the function's stream is closed");
                // Shut down while the stalled stream is still open and unread.
                h.server.close();
            }
        } finally {
            serverLogger.detachAppender(serverLines);
        }
        List<String> events = serverLines.list.stream().map(ILoggingEvent::getMessage).toList();
        assertTrue(events.contains("shutdown_started"), () -> events.toString());
        assertFalse(events.stream().anyMatch(e -> e.startsWith("shutdown_grace_expired")),
                () -> "the stalled stream still held its permit: " + events);
    }

    private static void awaitServerMemoryFreed(ServerHarness h) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (h.serverAllocator.getAllocatedMemory() != 0) {
            assertTrue(System.nanoTime() < deadline,
                    "server memory still allocated: " + h.serverAllocator.getAllocatedMemory());
            Thread.sleep(10);
        }
    }

    /** Function name -> outcome of each DoGet line in the call log. */
    private Map<String, String> doGetOutcomes() {
        return callLines.list.stream()
                .map(StreamStallTest::fields)
                .filter(f -> "DoGet".equals(f.get(CallLog.RPC)))
                .collect(Collectors.toMap(f -> f.get(CallLog.FUNCTION), f -> f.get(CallLog.OUTCOME)));
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        List<org.slf4j.event.KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value), (a, b) -> b));
    }
}
