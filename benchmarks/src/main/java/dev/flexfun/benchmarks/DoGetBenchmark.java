package dev.flexfun.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * DoGet throughput end to end over loopback Flight RPC: the real server ({@code Main}, in its own
 * JVM, functions found by ServiceLoader) serves {@code SampleStream} (a {@code @FlexFun} method
 * returning a lazy Stream, written by the generated adapter) and {@code SampleHandWritten} (the
 * same rows written with plain setSafe); this JVM reads them with a Java FlightClient, alternating
 * the two, and reports rows/s, MB/s, their ratio, and the server's peak Arrow memory.
 *
 * <pre>DoGetBenchmark [rows=5000000] [warm-up reads each=5] [measured reads each=9]</pre>
 */
public final class DoGetBenchmark {
    static final String GENERATED = "SampleStream";
    static final String HAND_WRITTEN = "SampleHandWritten";
    private static final int CHECK_ROWS = 200_000;
    private static final String PEAK_METRIC = "flexfun_arrow_peak_allocated_bytes{allocator=\"flexfun-server\"}";

    private DoGetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        int metricsPort = ServerProcess.freePort();
        Path log = Path.of("benchmarks/target/doget-server.log");
        try (RootAllocator allocator = new RootAllocator();
                ServerProcess server = ServerProcess.start(List.of(), System.getProperty("java.class.path"), List.of(),
                        Map.of("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", ServerProcess.HOST,
                                "GOODDATA_FLIGHT_SERVER__METRICS_HOST", ServerProcess.HOST,
                                "GOODDATA_FLIGHT_SERVER__METRICS_PORT", Integer.toString(metricsPort)),
                        log)) {
            server.awaitListFlights(allocator, Duration.ofSeconds(60));
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                checkSameBatches(client);
                long peakAfterCheck = peakServerBytes(metricsPort);
                System.out.printf("server in its own JVM (%s), client in this one; %,d rows per read, %d warm-up and "
                        + "%d measured reads of each function, alternating%n", log, rows, warmups, runs);
                for (int i = 0; i < warmups; i++) {
                    read(client, GENERATED, rows);
                    read(client, HAND_WRITTEN, rows);
                }
                double[] generated = new double[runs];
                double[] handWritten = new double[runs];
                double[] pairRatio = new double[runs];
                double[] generatedMb = new double[runs];
                double[] handWrittenMb = new double[runs];
                for (int run = 0; run < runs; run++) {
                    // Alternate who goes first, so a slow phase of the machine hits both alike.
                    Read g;
                    Read h;
                    if (run % 2 == 0) {
                        g = read(client, GENERATED, rows);
                        h = read(client, HAND_WRITTEN, rows);
                    } else {
                        h = read(client, HAND_WRITTEN, rows);
                        g = read(client, GENERATED, rows);
                    }
                    generated[run] = g.rowsPerSecond();
                    handWritten[run] = h.rowsPerSecond();
                    generatedMb[run] = g.megabytesPerSecond();
                    handWrittenMb[run] = h.megabytesPerSecond();
                    pairRatio[run] = g.rowsPerSecond() / h.rowsPerSecond();
                    System.out.printf("run %d: generated %.2f s (%,.0f rows/s), hand-written %.2f s (%,.0f rows/s), "
                            + "ratio %.2f%n", run + 1, g.seconds(), g.rowsPerSecond(), h.seconds(), h.rowsPerSecond(),
                            pairRatio[run]);
                }
                long peak = peakServerBytes(metricsPort);
                Stats g = Stats.of(generated);
                Stats h = Stats.of(handWritten);
                Stats ratio = Stats.of(pairRatio);
                System.out.println();
                System.out.printf("%-36s %14s %14s %14s %10s%n", "function (median of " + runs + ")", "rows/s",
                        "min rows/s", "max rows/s", "MB/s");
                System.out.printf("%-36s %,14.0f %,14.0f %,14.0f %10.0f%n", GENERATED + " (generated adapter)",
                        g.median(), g.min(), g.max(), Stats.of(generatedMb).median());
                System.out.printf("%-36s %,14.0f %,14.0f %,14.0f %10.0f%n", HAND_WRITTEN + " (setSafe)",
                        h.median(), h.min(), h.max(), Stats.of(handWrittenMb).median());
                System.out.printf("generated / hand-written: %.2fx (ratio of medians); per pair %.2f .. %.2f, "
                        + "median %.2f%n", g.median() / h.median(), ratio.min(), ratio.max(), ratio.median());
                System.out.printf("server Arrow memory at peak: %.1f MB after the %,d-row check, %.1f MB after every "
                        + "%,d-row read (batch size %,d rows)%n", peakAfterCheck / 1e6, CHECK_ROWS, peak / 1e6, rows,
                        dev.flexfun.runtime.CallContextBuilder.DEFAULT_BATCH_SIZE);
            }
        }
    }

    /** Before measuring: both functions must send the same schema and batches, or the ratio means nothing. */
    static void checkSameBatches(FlightClient client) throws Exception {
        List<String> generated = batches(client, GENERATED);
        List<String> handWritten = batches(client, HAND_WRITTEN);
        if (generated.size() < 2 || !generated.equals(handWritten)) {
            throw new IllegalStateException("SampleStream and SampleHandWritten send different data ("
                    + generated.size() + " vs " + handWritten.size() + " batches); the comparison would mean nothing.");
        }
    }

    private static List<String> batches(FlightClient client, String function) throws Exception {
        FlightInfo info = client.getInfo(descriptor(function, CHECK_ROWS));
        List<String> batches = new ArrayList<>();
        batches.add(info.getSchema().toJson());
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                batches.add(stream.getRoot().contentToTSVString());
            }
        }
        return batches;
    }

    /** One call: GetFlightInfo (the function runs) plus DoGet to the last batch, timed together. */
    static Read read(FlightClient client, String function, long rows) throws Exception {
        long start = System.nanoTime();
        FlightInfo info = client.getInfo(descriptor(function, rows));
        long read = 0;
        long bytes = 0;
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                read += root.getRowCount();
                for (FieldVector vector : root.getFieldVectors()) {
                    bytes += vector.getBufferSize();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read != rows) {
            throw new IllegalStateException(function + " sent " + read + " rows, expected " + rows);
        }
        return new Read(rows, bytes, seconds);
    }

    private static FlightDescriptor descriptor(String function, long rows) {
        String command = "{\"functionName\":\"" + function + "\",\"parameters\":{\"rows\":" + rows + "}}";
        return FlightDescriptor.command(command.getBytes(StandardCharsets.UTF_8));
    }

    /** The server's lifetime peak of Arrow memory, from its Prometheus endpoint. */
    static long peakServerBytes(int metricsPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + ServerProcess.HOST + ":" + metricsPort + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(line -> line.startsWith(PEAK_METRIC + " ")).findFirst()
                .map(line -> (long) Double.parseDouble(line.substring(PEAK_METRIC.length() + 1).trim()))
                .orElseThrow(() -> new IllegalStateException("no " + PEAK_METRIC + " in the server's metrics"));
    }

    /** The Arrow data bytes received (the vectors' buffers), in MB (10^6 bytes) per second. */
    record Read(long rows, long bytes, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }
}
