package dev.flexfun.benchmarks;

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

    private DoGetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        int metricsPort = ServerProcess.freePort();
        Path log = Path.of("benchmarks/target/doget-server.log");
        try (RootAllocator allocator = new RootAllocator();
                ServerProcess server = ServerProcess.startMeasured(metricsPort, Map.of(), log)) {
            server.awaitListFlights(allocator, Duration.ofSeconds(60));
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                checkSameBatches(client);
                long peakAfterCheck = peakServerBytes(metricsPort);
                System.out.printf("server in its own JVM (%s), client in this one; %,d rows per read, %d warm-up and "
                        + "%d measured reads of each function, alternating%n", log, rows, warmups, runs);
                AlternatingReads.measure(client, rows, warmups, runs,
                        new AlternatingReads.Subject(GENERATED, "generated adapter", descriptor(GENERATED, rows)),
                        new AlternatingReads.Subject(HAND_WRITTEN, "setSafe", descriptor(HAND_WRITTEN, rows)));
                long peak = peakServerBytes(metricsPort);
                System.out.printf("server Arrow memory at peak: %.1f MB after the %,d-row check, %.1f MB after every "
                        + "%,d-row read (batch size %,d rows)%n", peakAfterCheck / 1e6, CHECK_ROWS, peak / 1e6, rows,
                        dev.flexfun.runtime.CallContextBuilder.DEFAULT_BATCH_SIZE);
            }
        }
    }

    /** Before measuring: both functions must send the same schema and batches, or the ratio means nothing. */
    private static void checkSameBatches(FlightClient client) throws Exception {
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

    private static FlightDescriptor descriptor(String function, long rows) {
        return FlightReads.descriptor(function, "{\"rows\":" + rows + "}");
    }

    private static long peakServerBytes(int metricsPort) throws Exception {
        return FlightReads.peakServerBytes(metricsPort);
    }
}
