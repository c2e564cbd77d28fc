package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.ServerHarness.pollable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.OwnThreads;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which thread does a call's work, seen over real Flight RPC: a small call runs on the gRPC thread of
 * its GetFlightInfo and its one-batch result is sent from the gRPC thread of its DoGet (no hand-off to
 * another thread), while pollable calls and bigger results keep their pools, and every function,
 * wherever it runs, counts against {@code task_threads}.
 */
@Timeout(60)
class CallThreadsTest {
    private static final long WAIT_S = 10;
    private static final String RPC_THREAD = "flexfun-rpc-";

    @Test
    void aSmallCallRunsOnItsGetFlightInfoThreadAndItsOneBatchIsSentFromItsDoGetThread() throws Exception {
        Recorded recorded = new Recorded();
        try (ServerHarness h = ServerHarness.start("", recorded.function("Small", true))) {
            assertEquals(3, h.read(h.call("Small", "{}")).size());
            assertTrue(recorded.callThread.startsWith(RPC_THREAD), recorded.callThread);
            assertTrue(recorded.openThread.startsWith(RPC_THREAD), recorded.openThread);
        }
    }

    @Test
    void aResultNotKnownToBeOneBatchIsSentByAStreamThread() throws Exception {
        Recorded recorded = new Recorded();
        try (ServerHarness h = ServerHarness.start("", recorded.function("Unknown", false))) {
            assertEquals(3, h.read(h.call("Unknown", "{}")).size());
            assertTrue(recorded.callThread.startsWith(RPC_THREAD), recorded.callThread);
            assertTrue(recorded.openThread.startsWith("flexfun-doget-"), recorded.openThread);
        }
    }

    @Test
    void aPollableCallRunsOnTheTaskPool() throws Exception {
        Recorded recorded = new Recorded();
        try (ServerHarness h = ServerHarness.start("[flexfun]\npolling_interval_ms = 60000\n",
                recorded.function("Polled", true))) {
            assertEquals(3, h.read(h.call("Polled", "{}", pollable())).size());
            assertTrue(recorded.callThread.startsWith("flexfun-task-"), recorded.callThread);
        }
    }

    @Test
    void callsOnGrpcThreadsAndOnThePoolShareTheTaskThreads() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        String[] threads = new String[2];
        TestFunction holding = TestFunction.sample("Holding", ctx -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads[0] = Thread.currentThread().getName();
            entered.countDown();
            try {
                open.await();
            } finally {
                running.decrementAndGet();
            }
            return new GeneratedResult(5, 5, true);
        });
        TestFunction quick = TestFunction.sample("Quick", ctx -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads[1] = Thread.currentThread().getName();
            running.decrementAndGet();
            return new GeneratedResult(2, 2, true);
        });
        String toml = "task_threads = 1\n[flexfun]\ntask_queue_size = 2\npolling_interval_ms = 20\n";
        try (ServerHarness h = ServerHarness.start(toml, holding, quick)) {
            CompletableFuture<Integer> held = CompletableFuture.supplyAsync(
                    () -> h.read(h.call("Holding", "{}")).size(), OwnThreads.EACH_TASK);
            assertTrue(entered.await(WAIT_S, TimeUnit.SECONDS));
            // The only task thread's slot is taken by the call on its gRPC thread: the pollable call must wait.
            FlightRuntimeException poll = failure(() -> h.call("Quick", "{}", pollable()));
            ServerHarness.expectCode(poll, ErrorCode.POLL);
            open.countDown();
            assertEquals(5, held.get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(2, h.read(ExecutionTest.retryUntilReady(h, ExecutionTest.Poll.of(poll).retry())).size());
            assertEquals(1, mostAtOnce.get(), "functions running at once with task_threads = 1");
            assertTrue(threads[0].startsWith(RPC_THREAD), threads[0]);
            assertTrue(threads[1].startsWith("flexfun-task-"), threads[1]);
        }
    }

    /**
     * The price of running on the gRPC thread: a function that ignores the deadline's interrupt holds
     * the GetFlightInfo until it returns (a pool thread could not stop it either); its answer is still
     * TIMEOUT and what it returned is freed (the harness checks the server's memory when it closes).
     */
    @Test
    void aFunctionIgnoringTheDeadlineIsAnsweredWithTimeoutWhenItReturns() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestFunction stubborn = TestFunction.sample("Stubborn", ctx -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    interrupted.countDown(); // and carries on
                }
            }
            return new GeneratedResult(3, 3, true);
        });
        try (ServerHarness h = ServerHarness.start("[flexfun]\ncall_deadline_ms = 100\n", stubborn)) {
            CompletableFuture<FlightRuntimeException> call = CompletableFuture.supplyAsync(
                    () -> failure(() -> h.call("Stubborn", "{}")), OwnThreads.EACH_TASK);
            assertTrue(interrupted.await(WAIT_S, TimeUnit.SECONDS), "the deadline interrupts the function");
            release.countDown();
            ServerHarness.expectCode(call.get(WAIT_S, TimeUnit.SECONDS), ErrorCode.TIMEOUT);
        }
    }

    /** A function whose three-row result says whether it is one batch, recording where it ran and was read. */
    private static final class Recorded {
        volatile String callThread;
        volatile String openThread;
        volatile GeneratedResult result;

        TestFunction function(String name, boolean singleBatch) {
            return TestFunction.sample(name, ctx -> {
                callThread = Thread.currentThread().getName();
                result = new GeneratedResult(3, 3, true);
                return new FlexResult() {
                    @Override
                    public Schema schema() {
                        return result.schema();
                    }

                    @Override
                    public boolean isRepeatable() {
                        return true;
                    }

                    @Override
                    public boolean isSingleBatch() {
                        return singleBatch;
                    }

                    @Override
                    public BatchStream open(BufferAllocator allocator) {
                        openThread = Thread.currentThread().getName();
                        return result.open(allocator);
                    }

                    @Override
                    public void close() {
                        result.close();
                    }
                };
            });
        }
    }
}
