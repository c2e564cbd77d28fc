package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.command;
import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.SampleSchema;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Ticket;
import org.junit.jupiter.api.Test;

/** Errors the server raises, as clients see them (docs/protocol.md, "Errors"). */
class ErrorsTest {
    private static final TestFunction SAMPLE = TestFunction.sample("Sample", ctx -> new GeneratedResult(2, 4, true));
    private static final TestFunction STREAM = TestFunction.sample("Stream", ctx -> new GeneratedResult(2, 4, false));
    private static final TestFunction REJECTS = TestFunction.sample("Rejects", ctx -> {
        throw new IllegalArgumentException("rows must be positive");
    });
    private static final TestFunction BROKEN = TestFunction.sample("Broken", ctx -> {
        throw new IllegalStateException("connection pool exhausted");
    });

    @Test
    void malformedCommandsAreBadArguments() throws Exception {
        try (ServerHarness h = ServerHarness.start("[flexfun]\nmax_command_bytes = 100\n", SAMPLE)) {
            Map<String, String> cases = Map.of(
                    "not json", "not valid JSON",
                    "[1, 2]", "must be a JSON object",
                    "{\"parameters\": {}}", "non-empty string 'functionName'",
                    "{\"functionName\": \"\"}", "non-empty string 'functionName'",
                    "{\"functionName\": \"Nope\"}", "Function 'Nope' does not exist",
                    "{\"functionName\": \"Sample\", \"parameters\": [1]}", "'parameters' must be a JSON object",
                    "{\"functionName\": \"Sample\", \"parameters\": {\"columns\": \"fact1\"}}", "must be an array",
                    "{\"functionName\": \"Sample\", \"parameters\": {\"columns\": [\"nope\"]}}", "has no column 'nope'",
                    "r:0123456789abcdef0123456789abcdef", "not valid JSON",
                    "{\"functionName\": \"Sample\", \"parameters\": {\"pad\": \"" + "x".repeat(100) + "\"}}",
                    "at most 100 bytes");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                FlightRuntimeException e = failure(() -> h.client.getInfo(command(c.getKey())));
                ErrorInfo info = assertProtocolError(e, ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED);
                assertTrue(info.msg().contains(c.getValue()), () -> c.getKey() + " -> " + info.msg());
            }
            assertEquals(2, h.read(h.call("Sample", "{}")).size(), "the server stays up");
        }
    }

    @Test
    void aFunctionRejectingItsInputIsBadArgument() throws Exception {
        try (ServerHarness h = ServerHarness.start("", REJECTS)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Rejects", "{}")), ErrorCode.BAD_ARGUMENT,
                    FlightStatus.FAILED);
            assertEquals("rows must be positive", info.msg());
        }
    }

    @Test
    void aFailingFunctionIsCommandFailedWithoutItsStackTrace() throws Exception {
        try (ServerHarness h = ServerHarness.start("", BROKEN)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Broken", "{}")), ErrorCode.COMMAND_FAILED,
                    FlightStatus.FAILED);
            assertEquals("Function 'Broken' failed: connection pool exhausted", info.msg());
            assertNull(info.detail());
            assertNull(info.body());
        }
    }

    @Test
    void stackTracesGoToClientsOnlyWhenTheSettingSaysSo() throws Exception {
        try (ServerHarness h = ServerHarness.start("[flexfun]\nerror_stack_traces = true\n", BROKEN)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Broken", "{}")), ErrorCode.COMMAND_FAILED,
                    FlightStatus.FAILED);
            assertTrue(info.detail().startsWith("java.lang.IllegalStateException: connection pool exhausted"), info.detail());
        }
    }

    @Test
    void aFunctionsOwnErrorReachesTheClientUnchanged() throws Exception {
        byte[] body = {0, 1, 2, (byte) 255};
        TestFunction custom = TestFunction.sample("Custom", ctx -> {
            throw new FlexFunException(ErrorCode.BAD_REQUEST, "quota exceeded", "tenant t1", body);
        });
        try (ServerHarness h = ServerHarness.start("", custom)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Custom", "{}")), ErrorCode.BAD_REQUEST,
                    FlightStatus.FAILED);
            assertEquals("quota exceeded", info.msg());
            assertEquals("tenant t1", info.detail());
            assertArrayEquals(body, info.body());
        }
    }

    @Test
    void longMessagesAndDetailsAreTruncated() throws Exception {
        TestFunction verbose = TestFunction.sample("Verbose", ctx -> {
            throw new FlexFunException(ErrorCode.COMMAND_FAILED, "m".repeat(300), "d".repeat(600), null);
        });
        try (ServerHarness h = ServerHarness.start("", verbose)) {
            ErrorInfo info = ServerHarness.errorInfo(failure(() -> h.call("Verbose", "{}")));
            assertEquals("m".repeat(256) + " [truncated]", info.msg());
            assertEquals("d".repeat(512) + " [truncated]", info.detail());
        }
    }

    @Test
    void aPathDescriptorIsABadArgumentAsInTheReference() throws Exception {
        try (ServerHarness h = ServerHarness.start("", SAMPLE)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.client.getInfo(FlightDescriptor.path("Sample"))),
                    ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED);
            assertEquals("GetFlightInfo needs a CMD descriptor; PATH descriptors are not served.", info.msg());
        }
    }

    @Test
    void ticketsOfUnknownTasksAreInvalidAndGarbageTicketsBadArguments() throws Exception {
        try (ServerHarness h = ServerHarness.start("", SAMPLE)) {
            Ticket unknown = new Ticket("{\"task_id\":\"0123456789abcdef0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8));
            assertProtocolError(failure(() -> h.read(unknown)), ErrorCode.INVALID_TICKET, FlightStatus.FAILED);
            Ticket garbage = new Ticket("nonsense".getBytes(StandardCharsets.UTF_8));
            assertProtocolError(failure(() -> h.read(garbage)), ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED);
        }
    }

    @Test
    void aStreamResultCanBeReadOnceAndAListResultRepeatedly() throws Exception {
        try (ServerHarness h = ServerHarness.start("", SAMPLE, STREAM)) {
            FlightInfo stream = h.call("Stream", "{}");
            assertEquals(2, h.read(stream).size());
            assertProtocolError(failure(() -> h.read(stream)), ErrorCode.COMMAND_RESULT_CONSUMED, FlightStatus.FAILED);

            FlightInfo list = h.call("Sample", "{}");
            assertEquals(h.read(list), h.read(list));
            assertEquals(2, h.read(list).size());
        }
    }

    @Test
    void anUnexpectedServerFaultIsInternalError() throws Exception {
        TestFunction badMetadata = new TestFunction("BadMetadata", SampleSchema.SCHEMA, "[not an object]", ctx -> null);
        try (ServerHarness h = ServerHarness.start("", badMetadata)) {
            assertProtocolError(failure(() -> h.client.listFlights(Criteria.ALL).forEach(i -> { })),
                    ErrorCode.INTERNAL_ERROR, FlightStatus.INTERNAL);
        }
    }

    @Test
    void callsCutShortByShutdownAreShuttingDown() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TestFunction slow = TestFunction.sample("Slow", ctx -> {
            started.countDown();
            new CountDownLatch(1).await(); // until interrupted by the shutdown
            return null;
        });
        ExecutorService background = Executors.newSingleThreadExecutor();
        // The call outlives the shutdown grace period: it is cancelled.
        try (ServerHarness h = ServerHarness.start("shutdown_grace_sec = 0.2\n", slow)) {
            Future<FlightInfo> call = background.submit(() -> h.call("Slow", "{}"));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            h.server.close();
            var e = (FlightRuntimeException) org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, call::get).getCause();
            assertProtocolError(e, ErrorCode.SHUTTING_DOWN, FlightStatus.UNAVAILABLE);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void errorCodesMapToTheFlightStatusesOfTheTable() {
        // The rows the server raises are checked over RPC above and in ExecutionTest; this pins the rest.
        Map<ErrorCode, FlightStatus> table = Map.ofEntries(
                Map.entry(ErrorCode.UNKNOWN, FlightStatus.INTERNAL),
                Map.entry(ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED),
                Map.entry(ErrorCode.BAD_REQUEST, FlightStatus.FAILED),
                Map.entry(ErrorCode.INVALID_TICKET, FlightStatus.FAILED),
                Map.entry(ErrorCode.COMMAND_FAILED, FlightStatus.FAILED),
                Map.entry(ErrorCode.COMMAND_CANCELLED, FlightStatus.FAILED),
                Map.entry(ErrorCode.COMMAND_CANCEL_NOT_POSSIBLE, FlightStatus.CANCELLED),
                Map.entry(ErrorCode.COMMAND_RESULT_CONSUMED, FlightStatus.FAILED),
                Map.entry(ErrorCode.TIMEOUT, FlightStatus.TIMED_OUT),
                Map.entry(ErrorCode.POLL, FlightStatus.TIMED_OUT),
                Map.entry(ErrorCode.BACKPRESSURE, FlightStatus.UNAVAILABLE),
                Map.entry(ErrorCode.INTERNAL_ERROR, FlightStatus.INTERNAL),
                Map.entry(ErrorCode.NOT_READY, FlightStatus.UNAVAILABLE),
                Map.entry(ErrorCode.SHUTTING_DOWN, FlightStatus.UNAVAILABLE));
        table.forEach((code, status) -> assertEquals(status,
                dev.flexfun.server.protocol.FlightErrors.defaultStatus(code), code.name()));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 100, 65637, 196710, 131572, 197109, 131574, 503),
                java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }
}
