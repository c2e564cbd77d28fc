package dev.flexfun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.cli.fixtures.Signals;
import dev.flexfun.cli.flight.CallEvents;
import dev.flexfun.testkit.FlexFunTestServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Polling, {@code --limit}, {@code --timeout} and Ctrl-C against a server of its own per test, whose
 * close fails the test if any Arrow memory leaked (on the server, or in the command).
 */
@Timeout(60)
class CancellationTest {
    private static final long WAIT_S = 20;

    @RegisterExtension
    final FlexFunTestServer server = FlexFunTestServer.create().setting("flexfun.polling_interval_ms", 50)
            .setting("flexfun.batch_size", 1000);

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Signals signals;

    @BeforeEach
    void reset() {
        signals = Signals.reset();
    }

    @AfterEach
    void stop() {
        signals.gate.countDown(); // never leave a Slow call waiting
        background.shutdownNow();
    }

    private String url() {
        return "grpc://127.0.0.1:" + server.server().port();
    }

    /** Counts the server's "still running" answers the command followed. */
    private static final class Polls implements CallEvents {
        final CountDownLatch first = new CountDownLatch(1);
        volatile String taskId;

        @Override
        public void polling(String task) {
            taskId = task;
            first.countDown();
        }
    }

    @Test
    void limitStopsReadingAndCancelsTheRestOfTheStreamOnTheServer() throws Exception {
        long total = 10_000_000;
        CliRun.Result result = CliRun.create().run("call", "--url", url(), "Numbers", "--param", "count=" + total,
                "--limit", "5", "--format", "csv");
        assertEquals(0, result.code(), result::toString);
        assertEquals("n\n0\n1\n2\n3\n4\n", result.out());
        // Closed within WAIT_S, not at the 60 s stall timeout: the cancel reached the server.
        assertTrue(signals.streamClosed.await(WAIT_S, TimeUnit.SECONDS), "the function's stream is closed");
        // How far the server got first is how much the client's flow-control window (which gRPC tunes up
        // to a few MB) let it send before the cancel arrived: on a busy machine 192,000 rows once, so the
        // bound is what no window allows, far below the 10M the function would produce.
        long produced = signals.produced.get();
        assertTrue(produced < total / 5, "the server stopped producing long before the end: " + produced);
        // The extension closes the server after this test and fails it if the cancelled stream leaked.
    }

    @Test
    void limitWithinOneBatchKeepsTheArrowOutputValid() throws Exception {
        CliRun.Result result = CliRun.create().run("call", "--url", url(), "Numbers", "--param", "count=5000",
                "--limit", "1500", "--format", "arrow");
        assertEquals(0, result.code(), result::toString);
        try (var allocator = new org.apache.arrow.memory.RootAllocator();
                var reader = new org.apache.arrow.vector.ipc.ArrowStreamReader(
                        new java.io.ByteArrayInputStream(result.stdout()), allocator)) {
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            assertEquals(1500, rows);
        }
    }

    @Test
    void aSlowFunctionIsPolledUntilItsResultIsReady() throws Exception {
        Polls polls = new Polls();
        CliRun cli = CliRun.create().events(polls);
        Future<CliRun.Result> call = background.submit(() -> cli.run("call", "--url", url(), "Slow", "--format", "csv"));
        assertTrue(signals.slowEntered.await(WAIT_S, TimeUnit.SECONDS));
        assertTrue(polls.first.await(WAIT_S, TimeUnit.SECONDS), "the server answered POLL and the command retried");
        assertTrue(polls.taskId.matches("[0-9a-f]{32}"), polls.taskId);
        signals.gate.countDown();
        CliRun.Result result = call.get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(0, result.code(), result::toString);
        assertEquals("n\n7\n8\n", result.out());
    }

    @Test
    void ctrlCWhileTheFunctionRunsCancelsItOnTheServer() throws Exception {
        Polls polls = new Polls();
        CliRun cli = CliRun.create().events(polls);
        Future<CliRun.Result> call = background.submit(() -> cli.run("call", "--url", url(), "Slow"));
        assertTrue(polls.first.await(WAIT_S, TimeUnit.SECONDS));
        cli.pressCtrlC();
        assertTrue(signals.slowInterrupted.await(WAIT_S, TimeUnit.SECONDS), "the function was cancelled");
        CliRun.Result result = call.get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(ExitCode.INTERRUPTED, result.code(), result::toString);
        assertTrue(result.err().contains("cancelled; the server was told to stop the call"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void ctrlCWhileReadingCancelsTheStream() throws Exception {
        CountDownLatch firstBatch = new CountDownLatch(1);
        CountDownLatch keepGoing = new CountDownLatch(1);
        CliRun cli = CliRun.create().events(new CallEvents() {
            @Override
            public void batch(long rows, long bytes) {
                firstBatch.countDown();
                try {
                    keepGoing.await(WAIT_S, TimeUnit.SECONDS); // hold the reader on its first batch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Future<CliRun.Result> call = background.submit(() -> cli.run("call", "--url", url(), "Numbers", "--param",
                "count=10000000", "--format", "csv"));
        assertTrue(firstBatch.await(WAIT_S, TimeUnit.SECONDS));
        cli.pressCtrlC();
        keepGoing.countDown();
        CliRun.Result result = call.get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(ExitCode.INTERRUPTED, result.code(), () -> result.err());
        assertTrue(signals.streamClosed.await(WAIT_S, TimeUnit.SECONDS), "the function's stream is closed");
        assertTrue(signals.produced.get() < 10_000_000, "production stopped: " + signals.produced.get());
    }

    @Test
    void theTimeoutCancelsTheCallOnTheServerAndExitsWithFive() throws Exception {
        CliRun.Result result = CliRun.create().run("call", "--url", url(), "Slow", "--timeout", "300ms");
        assertEquals(ExitCode.TIMEOUT, result.code(), result::toString);
        assertTrue(result.err().contains("--timeout"), result.err());
        assertTrue(signals.slowInterrupted.await(WAIT_S, TimeUnit.SECONDS), "the function was cancelled");
    }
}
