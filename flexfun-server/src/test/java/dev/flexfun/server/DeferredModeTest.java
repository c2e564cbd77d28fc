package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.command;
import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.ServerHarness.pollable;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.ParameterBinder;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.SampleSchema;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.CallTickets;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import dev.flexfun.server.protocol.TaskTicket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deferred invocation mode over real Flight RPC on loopback: GetFlightInfo checks and signs, DoGet
 * verifies and runs, on this server or another with the same keys; no altered, expired, foreign or
 * other caller's ticket runs anything.
 */
@Timeout(60)
class DeferredModeTest {
    private static final String KEY = "current-key-".repeat(3);
    private static final String RETIRED_KEY = "retired-key-".repeat(3);
    private static final String DEFERRED = "[flexfun]\ninvocation_mode = \"deferred\"\nticket_keys = [\"" + KEY
            + "\", \"" + RETIRED_KEY + "\"]\n";

    /** Counts its runs; checks its {@code limit} parameter like a generated adapter would, without running. */
    private static final class Counted implements FlexFunction {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String name() {
            return "Counted";
        }

        @Override
        public Schema schema() {
            return SampleSchema.SCHEMA;
        }

        @Override
        public void checkCall(CallContext context) {
            ParameterBinder.intValue(context.parameters(), "limit", true);
        }

        @Override
        public FlexResult call(CallContext context) {
            runs.incrementAndGet();
            return new GeneratedResult(ParameterBinder.intValue(context.parameters(), "limit", true), 2, false);
        }
    }

    private static FlightInfo counted(ServerHarness h, CallOption... options) {
        return h.call("Counted", "{\"limit\": 3}", options);
    }

    private static Ticket ticketOf(FlightInfo info) {
        return info.getEndpoints().get(0).getTicket();
    }

    private static Ticket signed(Clock clock, String... keys) {
        String call = ServerHarness.callJson("Counted", "{\"limit\": 3}");
        return new Ticket(new CallTickets(List.of(keys), Duration.ofMinutes(5), 1 << 20, clock)
                .sign(call.getBytes(StandardCharsets.UTF_8), null));
    }

    private static ErrorInfo invalidTicket(ServerHarness h, Ticket ticket) {
        return assertProtocolError(failure(() -> h.read(ticket)), ErrorCode.INVALID_TICKET, FlightStatus.FAILED);
    }

    @Test
    void getFlightInfoAnswersWithoutRunningAndEveryDoGetRunsTheCall() throws Exception {
        Counted function = new Counted();
        try (ServerHarness h = ServerHarness.start(DEFERRED, function)) {
            FlightInfo info = h.call("Counted", "{\"limit\": 3, \"columns\": [\"fact1\", \"attribute1\"]}");
            assertEquals(0, function.runs.get(), "GetFlightInfo only checks the call");
            assertEquals(List.of("attribute1", "fact1"), info.getSchema().getFields().stream().map(Field::getName).toList(),
                    "the schema of the requested columns, in schema order");
            assertEquals(List.of(new Location("grpc://127.0.0.1:" + h.server.port())),
                    info.getEndpoints().get(0).getLocations(), "the advertised address");
            assertEquals(3, h.read(info).size());
            assertEquals(1, function.runs.get());
            assertEquals(3, h.read(info).size(), "a ticket can be read again until it expires: the call runs again");
            assertEquals(2, function.runs.get());
        }
    }

    @Test
    void badCallsFailAtGetFlightInfoWithoutRunning() throws Exception {
        Counted function = new Counted();
        try (ServerHarness h = ServerHarness.start(DEFERRED, function)) {
            assertEquals("Parameter 'limit' (parameters.limit) must be an integer (an int, -2147483648..2147483647), "
                    + "found string \"3\".", assertProtocolError(failure(() -> h.call("Counted", "{\"limit\": \"3\"}")),
                            ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED).msg());
            assertTrue(assertProtocolError(failure(() -> h.call("Counted", "{\"limit\": 3, \"columns\": [\"x\"]}")),
                    ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED).msg().contains("has no column 'x'"));
            assertTrue(assertProtocolError(failure(() -> h.call("Nope", "{}")), ErrorCode.BAD_ARGUMENT,
                    FlightStatus.FAILED).msg().contains("Function 'Nope' does not exist"));
            assertEquals(0, function.runs.get());
        }
    }

    @Test
    void functionErrorsArriveWithDoGetWithTheirCodesAndMessages() throws Exception {
        TestFunction rejects = TestFunction.sample("Rejects", ctx -> {
            throw new IllegalArgumentException("rows must be positive");
        });
        TestFunction broken = TestFunction.sample("Broken", ctx -> {
            throw new IllegalStateException("connection pool exhausted");
        });
        try (ServerHarness h = ServerHarness.start(DEFERRED, rejects, broken)) {
            FlightInfo rejected = h.call("Rejects", "{}");
            assertEquals("rows must be positive", assertProtocolError(failure(() -> h.read(rejected)),
                    ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED).msg());
            FlightInfo failed = h.call("Broken", "{}");
            assertEquals("Function 'Broken' failed: connection pool exhausted", assertProtocolError(
                    failure(() -> h.read(failed)), ErrorCode.COMMAND_FAILED, FlightStatus.FAILED).msg());
        }
    }

    @Test
    void pollingCallsAnswerAtOnceAndLeaveNoTask() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        TestFunction slow = TestFunction.sample("Slow", ctx -> {
            ran.countDown();
            return new GeneratedResult(1, 1, true);
        });
        try (ServerHarness h = ServerHarness.start(DEFERRED + "polling_interval_ms = 60000\n", slow)) {
            FlightInfo info = h.call("Slow", "{}", pollable());
            assertEquals(1, ran.getCount(), "nothing ran: there is nothing to wait for");
            assertEquals(1, h.read(info).size());
            assertTrue(ran.await(1, TimeUnit.SECONDS));
            assertTrue(assertProtocolError(failure(() -> h.client.getInfo(command("r:" + "0".repeat(32)), pollable())),
                    ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED).msg().contains("deferred mode"));
        }
    }

    @Test
    void aTicketWithOneAlteredByteRunsNothing() throws Exception {
        Counted function = new Counted();
        try (ServerHarness h = ServerHarness.start(DEFERRED, function)) {
            byte[] ticket = ticketOf(counted(h)).getBytes();
            ticket[ticket.length / 2] ^= 0x20;
            assertEquals("The ticket's signature does not match: it was altered or damaged.",
                    invalidTicket(h, new Ticket(ticket)).msg());
            assertEquals(0, function.runs.get());
        }
    }

    @Test
    void anExpiredTicketRunsNothing() throws Exception {
        Counted function = new Counted();
        try (ServerHarness h = ServerHarness.start(DEFERRED, function)) {
            Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
            assertTrue(invalidTicket(h, signed(anHourAgo, KEY)).msg().startsWith("The ticket expired at "));
            assertEquals(0, function.runs.get());
        }
    }

    @Test
    void aRetiredKeyStillInTheListIsAcceptedAnUnknownKeyIsNot() throws Exception {
        Counted function = new Counted();
        try (ServerHarness h = ServerHarness.start(DEFERRED, function)) {
            assertEquals(3, h.read(signed(Clock.systemUTC(), RETIRED_KEY)).size());
            assertEquals(1, function.runs.get());
            assertTrue(invalidTicket(h, signed(Clock.systemUTC(), "unknown-key-".repeat(3))).msg()
                    .startsWith("The ticket was signed with a key this server does not have"));
            assertEquals(1, function.runs.get());
        }
    }

    @Test
    void anEagerTicketIsRefused() throws Exception {
        try (ServerHarness h = ServerHarness.start(DEFERRED, new Counted())) {
            assertTrue(invalidTicket(h, new Ticket(TaskTicket.encode("0".repeat(32)))).msg()
                    .contains("not a deferred ticket"));
        }
    }

    @Test
    void aTicketIsNotACredentialForAnotherCaller() throws Exception {
        Counted function = new Counted();
        var settings = ServerHarness.settings(DEFERRED).with("enumerated_tokens.tokens", "[\"alice-token\", \"bob-token\"]")
                .with("server.authentication_method", "\"token\"");
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(settings).function(function))) {
            FlightInfo alices = counted(h, bearer("alice-token"));
            assertEquals("The ticket was issued to another caller; call GetFlightInfo with your own credentials.",
                    assertProtocolError(failure(() -> h.client.getStream(ticketOf(alices), bearer("bob-token")).next()),
                            ErrorCode.INVALID_TICKET, FlightStatus.FAILED).msg());
            assertEquals(0, function.runs.get());
            try (var stream = h.client.getStream(ticketOf(alices), bearer("alice-token"))) {
                int rows = 0;
                while (stream.next()) {
                    rows += stream.getRoot().getRowCount();
                }
                assertEquals(3, rows);
            }
        }
    }

    @Test
    void aTicketSignedByOneServerIsServedByAnotherWithTheSameKeys() throws Exception {
        Counted first = new Counted();
        Counted second = new Counted();
        try (ServerHarness a = ServerHarness.start(DEFERRED, first);
                ServerHarness b = ServerHarness.start(DEFERRED, second)) {
            FlightInfo info = counted(a);
            assertEquals(3, b.read(info).size());
            assertEquals(0, first.runs.get());
            assertEquals(1, second.runs.get());
        }
    }

    @Test
    void aCommandNearMaxCommandBytesStillFitsInATicket() throws Exception {
        Counted function = new Counted();
        try (ServerHarness h = ServerHarness.start(DEFERRED + "max_command_bytes = 262144\n", function)) {
            byte[] noise = new byte[190_000];
            new Random(3).nextBytes(noise);
            String pad = java.util.Base64.getEncoder().encodeToString(noise); // ~253 KB, hardly compressible
            FlightInfo info = h.call("Counted", "{\"limit\": 3, \"pad\": \"" + pad + "\"}");
            assertTrue(ticketOf(info).getBytes().length > 190_000, "carried, compressed as far as it goes");
            assertEquals(3, h.read(info).size());
        }
    }

    @Test
    void theDeadlineCoversTheFirstBatch() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        TestFunction stuck = TestFunction.sample("Stuck", ctx -> new StuckStream(interrupted));
        try (ServerHarness h = ServerHarness.start(DEFERRED + "call_deadline_ms = 300\n", stuck)) {
            FlightInfo info = h.call("Stuck", "{}");
            assertEquals("Call of 'Stuck' did not produce its first batch within 300 ms (flexfun.call_deadline_ms) "
                    + "and was cancelled.", assertProtocolError(failure(() -> h.read(info)), ErrorCode.TIMEOUT,
                            FlightStatus.TIMED_OUT).msg());
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the producing thread was interrupted");
        }
    }

    private static CallOption bearer(String token) {
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert("authorization", "Bearer " + token);
        return new HeaderCallOption(headers);
    }

    /** A lazy result whose first batch never comes (until its thread is interrupted). */
    private static final class StuckStream implements FlexResult {
        private final CountDownLatch interrupted;

        StuckStream(CountDownLatch interrupted) {
            this.interrupted = interrupted;
        }

        @Override
        public Schema schema() {
            return SampleSchema.SCHEMA;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public BatchStream open(BufferAllocator allocator) {
            VectorSchemaRoot root = VectorSchemaRoot.create(SampleSchema.SCHEMA, allocator);
            return new BatchStream() {
                @Override
                public VectorSchemaRoot root() {
                    return root;
                }

                @Override
                public boolean next() throws InterruptedException {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return false;
                }

                @Override
                public void close() {
                    root.close();
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
