package dev.flexfun.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.memory.RootAllocator;

/**
 * The figures of the performance issue in one run and one table, each beside a baseline measured in
 * the same run: fresh rows (the generated adapter vs hand-written setSafe, read by pyarrow when it is
 * installed), small calls (FlexFun vs a bare Flight server writing the same six rows: calls/s, p50,
 * p99, server CPU per call, 1 and 16 clients), 100M rows streamed (RSS and Arrow peaks), start-up to
 * the first ListFlights (run-server.sh vs plain java with default flags, per JDK).
 *
 * <pre>SummaryBenchmark [rows=5000000] [measured reads=5] [small calls=10000] [streamed rows=100000000]
 *                  [start-up rounds=3]</pre>
 * Extra JDKs to start run-server.sh with: {@code BENCH_JAVA_HOMES} (colon-separated JAVA_HOMEs).
 */
public final class SummaryBenchmark {
    private static final int WARM_UP_READS = 2;
    private static final double MIB = 1024.0 * 1024.0;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Unmeasured small calls per server (16 clients) before the measured ones: see SmallCalls.warmUp. */
    private static final Duration WARM_UP_LEAST = Duration.ofSeconds(10);
    private static final Duration WARM_UP_MOST = Duration.ofSeconds(180);
    /** The longest the reads' warm-up may take (see warmUpReads). */
    private static final Duration READS_WARM_UP_MOST = Duration.ofSeconds(120);

    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int smallCalls = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long streamedRows = args.length > 3 ? Long.parseLong(args[3]) : 100_000_000L;
        int startupRounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        SummaryTable table = new SummaryTable();
        try (RootAllocator allocator = new RootAllocator()) {
            RowReaders reader = RowReaders.best(allocator);
            System.out.println("rows read by: " + reader.name() + "; JVM: " + Runtime.version() + "; "
                    + Runtime.getRuntime().availableProcessors() + " CPUs");
            freshRowsAndSmallCalls(allocator, reader, table, rows, reads, smallCalls);
            streamed(allocator, reader, table, streamedRows);
            StartupComparison.run(allocator, table, startupRounds);
        }
        table.print("Summary (ratio = this server / baseline; " + Runtime.getRuntime().availableProcessors()
                + " CPUs shared with whatever else runs)");
    }

    private static void freshRowsAndSmallCalls(RootAllocator allocator, RowReaders reader, SummaryTable table,
            long rows, int reads, int smallCalls) throws Exception {
        int metricsPort = ServerProcess.freePort();
        try (ServerProcess server = benchmarkServer(metricsPort, "summary-server.log")) {
            server.awaitListFlights(allocator, TIMEOUT);
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                DoGetBenchmark.checkSameBatches(client);
            }
            List<String> functions = new ArrayList<>(List.of(DoGetBenchmark.GENERATED, DoGetBenchmark.HAND_WRITTEN,
                    CachedSampleFunction.NAME));
            ReadsWarmUp warmUp = warmUpReads(reader, server, rows, functions);
            System.out.printf("reads, warm-up until the JIT is quiet: %s%n", warmUp);
            // The Python reference's path for cached data (pyarrow's Flight server sending kept batches), read
            // in the same rounds by the same client: the transport's limit here, and the cached figure's baseline.
            PyArrowCachedServer python = reader instanceof RowReaders.PyArrow
                    ? PyArrowCachedServer.start(log("summary-pyarrow-server.log")) : null;
            try {
                if (python != null) {
                    functions.add(python.function(CachedSampleFunction.NAME));
                }
                Map<String, List<FlightReads.Read>> measured = reader.read(server, rows, WARM_UP_READS + reads,
                        functions);
                double generated = medianRowsPerSecond(measured.get(DoGetBenchmark.GENERATED));
                double handWritten = medianRowsPerSecond(measured.get(DoGetBenchmark.HAND_WRITTEN));
                double cached = medianRowsPerSecond(measured.get(CachedSampleFunction.NAME));
                System.out.printf("fresh rows: generated %,.0f rows/s, hand-written %,.0f rows/s; cached %,.0f rows/s"
                        + " (medians of %d)%n", generated, handWritten, cached, reads);
                String unsettled = warmUp.settled() ? ""
                        : " (JIT not quiet within " + READS_WARM_UP_MOST.toSeconds() + " s)";
                table.add(String.format("fresh rows: %,d-row Stream<Record>, read by %s (vs hand-written setSafe)%s",
                        rows, reader.name(), unsettled), generated / 1e6, handWritten / 1e6, "M rows/s", "%.1f",
                        ">= 20 M rows/s");
                if (python != null) {
                    double pythonCached = medianRowsPerSecond(measured.get(python.function(CachedSampleFunction.NAME)));
                    System.out.printf("pyarrow Flight server, cached table: %,.0f rows/s%n", pythonCached);
                    table.add("fresh rows: the same, vs the pyarrow server sending a cached table", generated / 1e6,
                            pythonCached / 1e6, "M rows/s", "%.1f", ">= 0.5x");
                    table.add("cached rows: FlexResult.shared (vs the pyarrow server's cached table)", cached / 1e6,
                            pythonCached / 1e6, "M rows/s", "%.1f", ">= 1.0x (>= 40 M rows/s)");
                    withFixedMallocThresholds((RowReaders.PyArrow) reader, server, python, table, rows, reads);
                } else {
                    table.add("cached rows: FlexResult.shared (no pyarrow: no Python baseline)",
                            String.format("%.1f M rows/s", cached / 1e6), "", ">= 40 M rows/s");
                }
            } finally {
                if (python != null) {
                    python.close();
                }
            }
            table.add("server Arrow peak of the calls / process RSS peak (the cached table included)",
                    String.format("%.1f MB / %.0f MiB", FlightReads.peakServerBytes(metricsPort) / 1e6,
                            ProcessStats.peakRssBytes(server.pid()) / MIB), "", "a few batches");
            smallCalls(allocator, server, table, smallCalls);
        }
    }

    /**
     * The fresh and cached rows again, read by a client whose malloc keeps its memory: how far the server
     * and the transport go when the client's page faults (see {@link RowReaders.PyArrow}) are out of the way.
     */
    private static void withFixedMallocThresholds(RowReaders.PyArrow reader, ServerProcess server,
            PyArrowCachedServer python, SummaryTable table, long rows, int reads) throws Exception {
        String pythonFunction = python.function(CachedSampleFunction.NAME);
        Map<String, List<FlightReads.Read>> measured = reader.withFixedMallocThresholds().read(server, rows,
                WARM_UP_READS + reads, List.of(DoGetBenchmark.GENERATED, CachedSampleFunction.NAME, pythonFunction));
        double generated = medianRowsPerSecond(measured.get(DoGetBenchmark.GENERATED));
        double cached = medianRowsPerSecond(measured.get(CachedSampleFunction.NAME));
        double pythonCached = medianRowsPerSecond(measured.get(pythonFunction));
        System.out.printf("client malloc thresholds fixed: fresh %,.0f rows/s, cached %,.0f rows/s; pyarrow server"
                + " %,.0f rows/s%n", generated, cached, pythonCached);
        table.add("fresh rows, the client's malloc thresholds fixed (GLIBC_TUNABLES; vs the pyarrow server)",
                generated / 1e6, pythonCached / 1e6, "M rows/s", "%.1f", "");
        table.add("cached rows, the client's malloc thresholds fixed (vs the pyarrow server, same client)",
                cached / 1e6, pythonCached / 1e6, "M rows/s", "%.1f", "");
    }

    /** What the reads' warm-up took: rounds of every function, and whether the JIT went quiet in time. */
    record ReadsWarmUp(int rounds, double seconds, boolean settled) {
    }

    /**
     * Reads every function, unmeasured, round after round until the server's JIT compilers were quiet
     * through a whole round (at least {@link #WARM_UP_READS} rounds, at most {@link #READS_WARM_UP_MOST}):
     * a server that streams for hours runs compiled code, and C2 still compiles the row loop a few reads
     * in, on the CPUs the reads share.
     */
    private static ReadsWarmUp warmUpReads(RowReaders reader, ServerProcess server, long rows, List<String> functions)
            throws Exception {
        long start = System.nanoTime();
        JitWatch jit = JitWatch.of(server.pid());
        int rounds = 0;
        boolean settled = false;
        while (!settled && System.nanoTime() - start < READS_WARM_UP_MOST.toNanos()) {
            reader.read(server, rows, 1, functions);
            rounds++;
            settled = jit.quietSinceLastSample() && rounds >= WARM_UP_READS;
        }
        return new ReadsWarmUp(rounds, (System.nanoTime() - start) / 1e9, settled);
    }

    /** Small calls to the FlexFun server (already warm) and to the bare Flight server, interleaved by client count. */
    static void smallCalls(RootAllocator allocator, ServerProcess flexfun, SummaryTable table, int calls)
            throws Exception {
        try (ServerProcess bare = ServerProcess.start(BareFlightServer.class.getName(), List.of(),
                System.getProperty("java.class.path"), List.of(), Map.of(), log("summary-bare-server.log"))) {
            bare.awaitListFlights(allocator, TIMEOUT);
            // How long a server takes to get through its JIT warm-up is a figure of its own: a new replica takes
            // its traffic cold.
            SmallCalls.WarmUp oursWarm = SmallCalls.warmUp(flexfun, allocator, 16, WARM_UP_LEAST, WARM_UP_MOST);
            SmallCalls.WarmUp bareWarm = SmallCalls.warmUp(bare, allocator, 16, WARM_UP_LEAST, WARM_UP_MOST);
            System.out.printf("small calls, warm-up (16 clients, until the JIT is quiet): FlexFun %s; bare Flight %s%n",
                    oursWarm, bareWarm);
            table.add("small calls, warm-up until the JIT is quiet (16 clients): seconds" + (oursWarm.settled()
                    && bareWarm.settled() ? "" : " (not settled within " + WARM_UP_MOST.toSeconds() + " s)"),
                    oursWarm.seconds(), bareWarm.seconds(), "s", "%.0f", "");
            table.add("small calls, warm-up: calls/s", oursWarm.callsPerSecond(), bareWarm.callsPerSecond(), "calls/s",
                    "%,.0f", "");
            for (int clients : new int[] {1, 16}) {
                int perClient = Math.max(50, calls / clients);
                int warmUp = Math.max(20, perClient / 4);
                SmallCalls.Result ours = SmallCalls.run(flexfun, allocator, clients, warmUp, perClient);
                SmallCalls.Result base = SmallCalls.run(bare, allocator, clients, warmUp, perClient);
                System.out.printf("small calls, %d client(s): FlexFun %s; bare Flight %s%n", clients, ours, base);
                String who = clients + (clients == 1 ? " client" : " clients");
                table.add("small calls, " + who + ": calls/s (vs bare Flight, same 6 rows)", ours.callsPerSecond(),
                        base.callsPerSecond(), "calls/s", "%,.0f", clients == 1 ? ">= 662 calls/s" : "");
                table.add("small calls, " + who + ": p50", ours.p50Ms(), base.p50Ms(), "ms", "%.2f", "");
                table.add("small calls, " + who + ": p99", ours.p99Ms(), base.p99Ms(), "ms", "%.2f",
                        clients == 1 ? "<= 3 ms" : "<= 15 ms");
                table.add("small calls, " + who + ": server CPU per call", ours.cpuMsPerCall(), base.cpuMsPerCall(),
                        "ms", "%.3f", "");
            }
        }
    }

    /** One long read on a fresh server with only the shipped flags: how far its memory grows. */
    private static void streamed(RootAllocator allocator, RowReaders reader, SummaryTable table, long rows)
            throws Exception {
        int metricsPort = ServerProcess.freePort();
        try (ServerProcess server = benchmarkServer(metricsPort, "summary-stream-server.log")) {
            server.awaitListFlights(allocator, TIMEOUT);
            long rssAtStart = ProcessStats.peakRssBytes(server.pid());
            FlightReads.Read read = reader.read(server, rows, 1, List.of(DoGetBenchmark.GENERATED))
                    .get(DoGetBenchmark.GENERATED).get(0);
            long rss = ProcessStats.peakRssBytes(server.pid());
            System.out.printf("%,d rows streamed: %,.0f rows/s, RSS peak %.0f MiB (%.0f MiB after start-up)%n", rows,
                    read.rowsPerSecond(), rss / MIB, rssAtStart / MIB);
            table.add(String.format("%,d rows streamed: server RSS peak (vs RSS after start-up)", rows), rss / MIB,
                    rssAtStart / MIB, "MiB", "%.0f", "<= 512 MiB");
            table.add(String.format("%,d rows streamed: rows/s, Arrow peak", rows), String.format("%.1f M rows/s, %.1f MB",
                    read.rowsPerSecond() / 1e6, FlightReads.peakServerBytes(metricsPort) / 1e6), "", "");
        }
    }

    private static double medianRowsPerSecond(List<FlightReads.Read> reads) {
        List<FlightReads.Read> measured = reads.subList(WARM_UP_READS, reads.size());
        return Stats.of(measured.stream().mapToDouble(FlightReads.Read::rowsPerSecond).toArray()).median();
    }

    /** The real server (Main, functions by ServiceLoader) from the benchmarks jar, with the shipped flags only. */
    static ServerProcess benchmarkServer(int metricsPort, String logName) throws Exception {
        return benchmarkServer(List.of(), metricsPort, logName);
    }

    /** As {@link #benchmarkServer(int, String)}, with extra JVM flags (a profiler's, say). */
    static ServerProcess benchmarkServer(List<String> jvmFlags, int metricsPort, String logName) throws Exception {
        return ServerProcess.start(jvmFlags, System.getProperty("java.class.path"), List.of(),
                Map.of("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", ServerProcess.HOST,
                        "GOODDATA_FLIGHT_SERVER__METRICS_HOST", ServerProcess.HOST,
                        "GOODDATA_FLIGHT_SERVER__METRICS_PORT", Integer.toString(metricsPort)),
                log(logName));
    }

    static Path log(String name) {
        return Path.of("benchmarks/target", name);
    }

    /** Every config/*.toml in name order, as run-server.sh passes them. */
    static List<String> configFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            List<String> names = new ArrayList<>(files.filter(f -> f.toString().endsWith(".toml")).map(Path::toString)
                    .sorted().toList());
            return names;
        }
    }
}
