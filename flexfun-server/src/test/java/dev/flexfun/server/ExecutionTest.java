package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.ServerHarness.pollable;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.fixtures.Gate;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import dev.flexfun.server.protocol.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.junit.jupiter.api.Test;

/** Task execution seen from a client: polling, deadlines, result lifetime, load, cancellation. */
class ExecutionTest {
    private static final long WAIT_S = 10;

    /** The retry and cancel descriptors of a POLL error, decoded as a client does. */
    record Poll(FlightDescriptor retry, FlightDescriptor cancel) {
        static Poll of(FlightRuntimeException e) throws Exception {
            ErrorInfo info = assertProtocolError(e, ErrorCode.POLL, FlightStatus.TIMED_OUT);
            JsonNode body = Json.MAPPER.readTree(info.body());
            assertEquals(List.of("flight_info", "retry_descriptor", "cancel_descriptor"), fieldNames(body));
            assertTrue(body.get("flight_info").isNull());
            return new Poll(descriptor(body.get("retry_descriptor")), descriptor(body.get("cancel_descriptor")));
        }

        private static FlightDescriptor descriptor(JsonNode base64) throws Exception {
            return FlightDescriptor.deserialize(ByteBuffer.wrap(Base64.getDecoder().decode(base64.asText())));
        }

        private static List<String> fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }

        String taskId() {
            return new String(retry.getCommand(), StandardCharsets.UTF_8).substring(2);
        }
    }

    @Test
    void pollingSubmitsOnceAndRetriesUntilTheResultIsReady() throws Exception {
        Gate gate = new Gate();
        try (ServerHarness h = ServerHarness.start("[flexfun]\npolling_interval_ms = 30\n", gate.function("Gate"))) {
            String json = ServerHarness.callJson("Gate", "{\"x\": 1}");
            Poll poll = Poll.of(failure(() -> h.client.getInfo(ServerHarness.command(json), pollable())));
            assertTrue(poll.retry().isCommand());
            assertEquals("r:" + poll.taskId(), new String(poll.retry().getCommand(), StandardCharsets.UTF_8));
            assertEquals("c:" + poll.taskId(), new String(poll.cancel().getCommand(), StandardCharsets.UTF_8));
            assertTrue(poll.taskId().matches("[0-9a-f]{32}"));

            Poll again = Poll.of(failure(() -> h.client.getInfo(poll.retry(), pollable())));
            assertEquals(poll.taskId(), again.taskId(), "a retry waits for the same task");

            gate.open.countDown();
            FlightInfo info = retryUntilReady(h, poll.retry());
            assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), info.getDescriptor().getCommand(),
                    "the original request's descriptor");
            assertEquals(5, h.read(info).size());
        }
    }

    @Test
    void theCancelDescriptorCancelsARunningTask() throws Exception {
        Gate gate = new Gate();
        try (ServerHarness h = ServerHarness.start("[flexfun]\npolling_interval_ms = 30\n", gate.function("Gate"))) {
            Poll poll = Poll.of(failure(() -> h.call("Gate", "{}", pollable())));
            assertTrue(gate.entered.await(WAIT_S, TimeUnit.SECONDS));

            assertProtocolError(failure(() -> h.client.getInfo(poll.cancel(), pollable())), ErrorCode.COMMAND_CANCELLED,
                    FlightStatus.CANCELLED);
            assertTrue(gate.interrupted.await(WAIT_S, TimeUnit.SECONDS), "the function's thread is interrupted");
            assertTrue(gate.sawCancelSignal, "the function sees the cancellation signal");
            awaitReturnedAndClosed(gate);
            assertProtocolError(failure(() -> h.client.getInfo(poll.retry(), pollable())), ErrorCode.COMMAND_CANCELLED,
                    FlightStatus.FAILED);
        }
    }

    @Test
    void cancellingAFinishedTaskDropsItsResult() throws Exception {
        GeneratedResult result = new GeneratedResult(3, 2, true);
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Quick", ctx -> result))) {
            FlightInfo info = h.call("Quick", "{}", pollable());
            String taskId = Json.MAPPER.readTree(info.getEndpoints().get(0).getTicket().getBytes()).get("task_id").asText();

            assertProtocolError(failure(() -> h.client.getInfo(ServerHarness.command("c:" + taskId), pollable())),
                    ErrorCode.COMMAND_CANCELLED, FlightStatus.CANCELLED);
            assertTrue(result.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "the result is freed");
            assertProtocolError(failure(() -> h.read(info)), ErrorCode.COMMAND_CANCELLED, FlightStatus.FAILED);
            ErrorInfo unknown = assertProtocolError(failure(() -> h.client.getInfo(
                    ServerHarness.command("r:0123456789abcdef0123456789abcdef"), pollable())),
                    ErrorCode.BAD_ARGUMENT, FlightStatus.FAILED);
            assertEquals("Task with id '0123456789abcdef0123456789abcdef' does not exist.", unknown.msg());
        }
    }

    @Test
    void aResultBeingReadCannotBeCancelled() throws Exception {
        GeneratedResult endless = new GeneratedResult(-1, 100, true);
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Endless", ctx -> endless))) {
            FlightInfo info = h.call("Endless", "{}", pollable());
            String taskId = Json.MAPPER.readTree(info.getEndpoints().get(0).getTicket().getBytes()).get("task_id").asText();
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                assertProtocolError(failure(() -> h.client.getInfo(ServerHarness.command("c:" + taskId), pollable())),
                        ErrorCode.COMMAND_CANCEL_NOT_POSSIBLE, FlightStatus.CANCELLED);
                stream.cancel("done", null);
            }
            assertTrue(endless.streamClosed.await(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void theCallDeadlineCancelsTheFunctionAndFreesWhatItReturns() throws Exception {
        Gate gate = new Gate();
        try (ServerHarness h = ServerHarness.start("[flexfun]\ncall_deadline_ms = 100\n", gate.function("Gate"))) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Gate", "{}")), ErrorCode.TIMEOUT,
                    FlightStatus.TIMED_OUT);
            assertTrue(info.msg().contains("100 ms"), info.msg());
            assertTrue(gate.interrupted.await(WAIT_S, TimeUnit.SECONDS));
            assertTrue(gate.sawCancelSignal);
            awaitReturnedAndClosed(gate);
        }
    }

    @Test
    void theFunctionSeesWhenTheDeadlineWillCancelIt() throws Exception {
        AtomicReference<Optional<Instant>> seen = new AtomicReference<>();
        try (ServerHarness h = ServerHarness.start("[flexfun]\ncall_deadline_ms = 60000\n",
                TestFunction.sample("Deadline", ctx -> {
                    seen.set(ctx.deadline());
                    throw new IllegalArgumentException("seen");
                }))) {
            Instant before = Instant.now();
            failure(() -> h.call("Deadline", "{}"));
            Instant after = Instant.now();
            Instant deadline = seen.get().orElseThrow();
            assertTrue(!deadline.isBefore(before.plusSeconds(59)) && !deadline.isAfter(after.plusSeconds(60)),
                    "deadline " + deadline + " for a call between " + before + " and " + after);
        }
    }

    @Test
    void pollingEndsWithTimeoutOnceTheDeadlinePassed() throws Exception {
        Gate gate = new Gate();
        String toml = "[flexfun]\ncall_deadline_ms = 150\npolling_interval_ms = 40\n";
        try (ServerHarness h = ServerHarness.start(toml, gate.function("Gate"))) {
            Poll poll = Poll.of(failure(() -> h.call("Gate", "{}", pollable())));
            FlightRuntimeException last = null;
            for (int i = 0; i < 50; i++) {
                last = failure(() -> h.client.getInfo(poll.retry(), pollable()));
                if (ServerHarness.errorInfo(last).code() != ErrorCode.POLL.code()) {
                    break;
                }
            }
            assertNotNull(last);
            assertProtocolError(last, ErrorCode.TIMEOUT, FlightStatus.TIMED_OUT);
            assertTrue(gate.interrupted.await(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void resultsAreDroppedAndFreedAfterTheirTtl() throws Exception {
        GeneratedResult result = new GeneratedResult(3, 2, true);
        // 2 s: the DoGet below must come within the TTL even on a loaded machine.
        try (ServerHarness h = ServerHarness.start("task_result_ttl_sec = 2\n",
                TestFunction.sample("Quick", ctx -> result))) {
            FlightInfo info = h.call("Quick", "{}");
            assertEquals(3, h.read(info).size());
            assertTrue(result.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "the expired result is closed");
            assertProtocolError(failure(() -> h.read(info)), ErrorCode.INVALID_TICKET, FlightStatus.FAILED);
        }
    }

    @Test
    void aFullQueueAnswersBackpressureAndTheServerRecovers() throws Exception {
        Gate gate = new Gate();
        String toml = "task_threads = 1\n[flexfun]\ntask_queue_size = 1\npolling_interval_ms = 20\n";
        try (ServerHarness h = ServerHarness.start(toml, gate.function("Gate"))) {
            Poll running = Poll.of(failure(() -> h.call("Gate", "{}", pollable())));
            assertTrue(gate.entered.await(WAIT_S, TimeUnit.SECONDS));
            Poll queued = Poll.of(failure(() -> h.call("Gate", "{}", pollable())));

            ErrorInfo info = assertProtocolError(failure(() -> h.call("Gate", "{}", pollable())),
                    ErrorCode.BACKPRESSURE, FlightStatus.UNAVAILABLE);
            assertTrue(info.msg().contains("busy"), info.msg());

            gate.open.countDown();
            assertEquals(5, h.read(retryUntilReady(h, running.retry())).size());
            assertEquals(5, h.read(retryUntilReady(h, queued.retry())).size());
            assertEquals(5, h.read(h.call("Gate", "{}")).size());
        }
    }

    @Test
    void aClientCancellingMidStreamStopsProductionAndFreesTheStream() throws Exception {
        GeneratedResult endless = new GeneratedResult(-1, 10_000, false);
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Endless", ctx -> endless))) {
            FlightInfo info = h.call("Endless", "{}");
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                assertEquals(10_000, stream.getRoot().getRowCount());
                // The client stops reading: backpressure must park the producer after a few batches. Without
                // backpressure it never parks and fills batches until memory runs out; this wait then fails.
                awaitProducerWaitingForTheClient();
                int filled = endless.batchesFilled.get();
                assertTrue(filled < 100, "batches filled while the client did not read: " + filled);
                stream.cancel("enough", null);
            }
            assertTrue(endless.streamClosed.await(WAIT_S, TimeUnit.SECONDS), "the function's stream is closed");
            assertTrue(endless.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "the single-use result is freed");
        }
    }

    @Test
    void sixtyFourConcurrentCallsAllGetTheirRows() throws Exception {
        TestFunction sample = TestFunction.sample("Sample",
                ctx -> new GeneratedResult(ctx.parameters().path("rows").asLong(), 100, true));
        ExecutorService clients = Executors.newFixedThreadPool(64);
        // A task thread for every call: this is about calls not mixing up their results. With the defaults,
        // calls beyond the task threads and the few waiting places get BACKPRESSURE at once (AdmissionTest).
        try (ServerHarness h = ServerHarness.start("task_threads = 64\n", sample)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int rows = 1000 + i;
                calls.add(clients.submit(() -> {
                    go.await();
                    return h.read(h.call("Sample", "{\"rows\": " + rows + "}")).size();
                }));
            }
            go.countDown();
            for (int i = 0; i < 64; i++) {
                assertEquals(1000 + i, calls.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Retries a pollable call until it is ready (or fails with another error than POLL). */
    static FlightInfo retryUntilReady(ServerHarness h, FlightDescriptor retry) {
        AtomicReference<FlightRuntimeException> last = new AtomicReference<>();
        for (int i = 0; i < 500; i++) {
            try {
                return h.client.getInfo(retry, pollable());
            } catch (FlightRuntimeException e) {
                if (ServerHarness.errorInfo(e).code() != ErrorCode.POLL.code()) {
                    throw e;
                }
                last.set(e);
            }
        }
        throw last.get();
    }

    /** Waits until the DoGet producer sleeps in Flight's backpressure wait (the client is not ready). */
    private static void awaitProducerWaitingForTheClient() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                if (entry.getKey().getName().startsWith("flexfun-doget-") && java.util.Arrays.stream(entry.getValue())
                        .anyMatch(frame -> frame.getMethodName().equals("waitForListener"))
                        && entry.getKey().getState() == Thread.State.TIMED_WAITING) {
                    return;
                }
            }
            // Polls an observation, not a timing: the outcome does not depend on how long this pauses.
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        throw new AssertionError("the producer never waited for the client: backpressure does not hold it");
    }

    private static void awaitReturnedAndClosed(Gate gate) throws InterruptedException {
        assertTrue(gate.returnedResult.await(WAIT_S, TimeUnit.SECONDS), "the function returned after its cancellation");
        assertTrue(gate.returned.resultClosed.await(WAIT_S, TimeUnit.SECONDS), "what it returned is freed");
    }
}
