package dev.flexfun.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Small calls as GoodData makes them: GetFlightInfo of {@code SmallSample} with an execution
 * context, then DoGet of its six rows, timed together, by {@code clients} clients at once (each its
 * own FlightClient and thread, calling back to back). Reports calls/s, p50, p99 and the server
 * process's CPU time per call (all its threads: gRPC, tasks, GC, JIT) over the measured calls.
 */
final class SmallCalls {
    /** A REPORT execution context like GoodData's (one attribute, one filter), parsed on every call. */
    static final String COMMAND = command(SmallSampleFunction.NAME);
    private static final FlightDescriptor DESCRIPTOR = FlightDescriptor.command(COMMAND.getBytes(StandardCharsets.UTF_8));

    /** A call of {@code function} with that execution context. */
    static String command(String function) {
        return "{\"functionName\":\"" + function + "\",\"parameters\":{"
            + "\"executionContext\":{\"executionType\":\"REPORT\",\"organizationId\":\"default\","
            + "\"workspaceId\":\"demo\",\"userId\":\"demo\",\"timestamp\":\"2026-01-05T10:00:00+00:00\","
            + "\"timezone\":\"Etc/UTC\",\"weekStart\":\"monday\","
            + "\"attributes\":[{\"attributeIdentifier\":\"attribute1\",\"attributeTitle\":\"Attribute 1\","
            + "\"labelIdentifier\":\"attribute1\",\"labelTitle\":\"Attribute 1\",\"dateGranularity\":null,"
            + "\"sorting\":null}],"
            + "\"filters\":[{\"filterType\":\"negativeAttributeFilter\",\"labelIdentifier\":\"attribute1\","
            + "\"values\":[\"id1\"]}],"
            + "\"reportExecutionRequest\":{\"attributes\":[],\"filters\":[],\"measures\":[],\"auxMeasures\":[]}}}}";
    }

    record Result(int clients, int calls, double seconds, double p50Ms, double p99Ms, double cpuMsPerCall) {
        double callsPerSecond() {
            return calls / seconds;
        }
    }

    /** How long the JIT must stay quiet for a warm-up to end. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private SmallCalls() {
    }

    /** {@code warmUp} then {@code calls} calls per client; every call must return the six rows. */
    static Result run(ServerProcess server, BufferAllocator allocator, int clients, int warmUp, int calls)
            throws Exception {
        long[][] latencies = new long[clients][calls];
        AtomicLong startNanos = new AtomicLong();
        AtomicLong startCpu = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // The barrier's action runs once every client has warmed up: the measured phase starts there.
        CyclicBarrier measuredPhase = new CyclicBarrier(clients, () -> {
            try {
                startCpu.set(ProcessStats.cpuNanos(server.pid()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            startNanos.set(System.nanoTime());
        });
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = latencies[c];
            Thread thread = new Thread(() -> {
                try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                    for (int i = 0; i < warmUp; i++) {
                        call(client);
                    }
                    // Bounded: a client that failed before reaching the barrier must not leave the others waiting.
                    measuredPhase.await(2, java.util.concurrent.TimeUnit.MINUTES);
                    for (int i = 0; i < calls; i++) {
                        long start = System.nanoTime();
                        call(client);
                        mine[i] = System.nanoTime() - start;
                    }
                } catch (Exception e) {
                    if (!(e instanceof java.util.concurrent.BrokenBarrierException)) {
                        failure.compareAndSet(null, e); // the cause, not the others' broken barrier
                    }
                    measuredPhase.reset();
                }
            }, "small-call-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - startNanos.get();
        long cpu = ProcessStats.cpuNanos(server.pid()) - startCpu.get();
        if (failure.get() != null) {
            throw failure.get();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int total = all.length;
        return new Result(clients, total, elapsed / 1e9, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                cpu / 1e6 / total);
    }

    /** What a warm-up took: until the server's JIT compilers went quiet (or the longest allowed). */
    record WarmUp(long calls, double seconds, boolean settled) {
        double callsPerSecond() {
            return calls / seconds;
        }
    }

    /**
     * Calls the server from {@code clients} clients, unmeasured, until its JIT compiler threads have
     * been quiet ({@link JitWatch}) for {@link #QUIET} after at least {@code least}, at most
     * {@code most}: until then a run measures the compiler rather than the server (FlexFun has more
     * code on its call path than the bare server, so it takes longer to compile).
     */
    static WarmUp warmUp(ServerProcess server, BufferAllocator allocator, int clients, Duration least, Duration most)
            throws Exception {
        long start = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong made = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                    while (!stop.get()) {
                        call(client);
                        made.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                }
            }, "small-call-warm-up-" + c);
            threads.add(thread);
            thread.start();
        }
        boolean settled = false;
        JitWatch jit = JitWatch.of(server.pid());
        while (!stop.get()) {
            Thread.sleep(QUIET.toMillis()); // a sampling period, not a wait for an event
            boolean quiet = jit.quietSinceLastSample();
            long elapsed = System.nanoTime() - start;
            settled = quiet && elapsed >= least.toNanos();
            if (settled || elapsed >= most.toNanos()) {
                stop.set(true);
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new WarmUp(made.get(), (System.nanoTime() - start) / 1e9, settled);
    }

    private static void call(FlightClient client) throws Exception {
        long rows = rowsOf(client, DESCRIPTOR);
        if (rows != SmallSampleFunction.ROWS.size()) {
            throw new IllegalStateException("A small call returned " + rows + " rows, expected 6.");
        }
    }

    /** One call as GoodData makes it (GetFlightInfo, then DoGet read to its end); returns the rows read. */
    static long rowsOf(FlightClient client, FlightDescriptor call) throws Exception {
        FlightInfo info = client.getInfo(call);
        long rows = 0;
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                rows += stream.getRoot().getRowCount();
            }
        }
        return rows;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
