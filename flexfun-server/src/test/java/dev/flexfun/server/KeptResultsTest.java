package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.execution.ExecutionLimits;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightInfo;
import org.junit.jupiter.api.Test;

/**
 * Over real Flight RPC: {@code flexfun.max_kept_results} bounds the results kept for their DoGet.
 * Results nobody has read yet hold their place until the TTL; read ones give theirs up when needed,
 * so steady traffic that reads what it asks for is never refused, however long the TTL.
 */
class KeptResultsTest {
    /** One task thread and one queue place: the server keeps at most 2 + 1 + 1 tasks. */
    private static final String TOML = "task_threads = 1\ntask_result_ttl_sec = 3600\n"
            + "[flexfun]\nmax_kept_results = 2\ntask_queue_size = 1\n";
    private static final int KEPT = 4;

    @Test
    void unreadResultsFillTheBoundAndThenNewCallsGetBackpressure() throws Exception {
        try (ServerHarness h = ServerHarness.start(TOML, rows("Rows"))) {
            List<FlightInfo> unread = new ArrayList<>();
            for (int i = 0; i < KEPT; i++) {
                unread.add(h.call("Rows", "{}"));
            }
            ErrorInfo refused = assertProtocolError(failure(() -> h.call("Rows", "{}")), ErrorCode.BACKPRESSURE,
                    FlightStatus.UNAVAILABLE);
            assertTrue(refused.msg().contains("max_kept_results"), refused.msg());

            assertEquals(3, h.read(unread.get(1)).size(), "a kept result is still there to read");
            assertEquals(3, h.read(h.call("Rows", "{}")).size(), "the read result made room for a new call");
            assertEquals(ErrorCode.INVALID_TICKET.code(), ServerHarness.errorInfo(failure(() -> h.read(unread.get(1))))
                    .code(), "the read result was the one given up");
            for (FlightInfo stillKept : List.of(unread.get(0), unread.get(2), unread.get(3))) {
                assertEquals(3, h.read(stillKept).size(), "unread results are never given up for new calls");
            }
        }
    }

    @Test
    void callsWhoseResultsAreReadAreNeverRefusedWhateverTheTtl() throws Exception {
        try (ServerHarness h = ServerHarness.start(TOML, rows("Rows"))) {
            for (int i = 0; i < 20 * KEPT; i++) {
                assertEquals(3, h.read(h.call("Rows", "{}")).size(), "call " + i);
            }
        }
    }

    @Test
    void failedCallsDoNotHoldPlacesEither() throws Exception {
        TestFunction failing = TestFunction.sample("Failing", ctx -> {
            throw new IllegalStateException("this function always fails");
        });
        try (ServerHarness h = ServerHarness.start(TOML, failing, rows("Rows"))) {
            for (int i = 0; i < 5 * KEPT; i++) {
                assertProtocolError(failure(() -> h.call("Failing", "{}")), ErrorCode.COMMAND_FAILED,
                        FlightStatus.FAILED);
            }
            assertEquals(3, h.read(h.call("Rows", "{}")).size());
        }
    }

    @Test
    void readResultsAreKeptForARepeatedReadOnlyUpToTheirOwnBound() throws Exception {
        String roomy = "task_result_ttl_sec = 3600\n[flexfun]\nmax_kept_results = 10000\n";
        try (ServerHarness h = ServerHarness.start(roomy, rows("Rows"))) {
            List<FlightInfo> read = new ArrayList<>();
            for (int i = 0; i < ExecutionLimits.READ_RESULTS_KEPT + 1; i++) {
                FlightInfo info = h.call("Rows", "{}");
                assertEquals(3, h.read(info).size());
                read.add(info);
            }
            assertEquals(ErrorCode.INVALID_TICKET.code(), ServerHarness.errorInfo(failure(() -> h.read(read.get(0))))
                    .code(), "the oldest read result was forgotten, the bound being far off");
            assertEquals(3, h.read(read.get(1)).size(), "the newer read results are kept for a repeated read");
            assertEquals(3, h.read(read.get(read.size() - 1)).size());
        }
    }

    @Test
    void theErrorOfAPollableCallWaitsForItsPollWhateverElseIsRead() throws Exception {
        CountDownLatch fail = new CountDownLatch(1);
        TestFunction failingLater = TestFunction.sample("FailingLater", ctx -> {
            fail.await();
            throw new IllegalStateException("this function fails once released");
        });
        String roomy = "task_result_ttl_sec = 3600\n[flexfun]\npolling_interval_ms = 50\n";
        try (ServerHarness h = ServerHarness.start(roomy, failingLater, rows("Rows"))) {
            ExecutionTest.Poll poll = ExecutionTest.Poll.of(failure(() -> h.call("FailingLater", "{}",
                    ServerHarness.pollable())));
            fail.countDown();
            // More read results than are kept go by before the client polls again.
            for (int i = 0; i < ExecutionLimits.READ_RESULTS_KEPT + 1; i++) {
                assertEquals(3, h.read(h.call("Rows", "{}")).size());
            }
            FlightRuntimeException error = failure(() -> ExecutionTest.retryUntilReady(h, poll.retry()));
            assertProtocolError(error, ErrorCode.COMMAND_FAILED, FlightStatus.FAILED);
        } finally {
            fail.countDown();
        }
    }

    /**
     * A forgotten call must be garbage: with a TTL of an hour, a timer still holding every call read
     * long ago kept its parameters, context and result objects, and a server taking a thousand calls
     * a second ran out of heap within a minute.
     */
    @Test
    void callsGivenUpBeforeTheirTtlAreGarbage() throws Exception {
        ReferenceQueue<Object> collected = new ReferenceQueue<>();
        List<WeakReference<Object>> results = new ArrayList<>(); // kept reachable, or they would be enqueued untracked
        TestFunction tracked = TestFunction.sample("Tracked", ctx -> {
            GeneratedResult result = new GeneratedResult(3, 3, true);
            synchronized (results) {
                results.add(new WeakReference<>(result, collected));
            }
            return result;
        });
        try (ServerHarness h = ServerHarness.start(TOML, tracked)) {
            int calls = 20 * KEPT;
            for (int i = 0; i < calls; i++) {
                assertEquals(3, h.read(h.call("Tracked", "{}")).size(), "call " + i);
            }
            // All but the last KEPT calls were given up to make room; their results must be collectable.
            int garbage = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (garbage < calls - KEPT && System.nanoTime() < deadline) {
                System.gc();
                if (collected.remove(100) != null) {
                    garbage++;
                }
            }
            assertTrue(garbage >= calls - KEPT, "only " + garbage + " of the " + (calls - KEPT)
                    + " results given up were collected: something still holds forgotten calls");
        }
    }

    private static TestFunction rows(String name) {
        return TestFunction.sample(name, ctx -> new GeneratedResult(3, 3, true));
    }
}
