package dev.flexfun.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reading a database table to a client over loopback Flight RPC, two ways: {@code Orders} (the JDBC
 * helper: a row mapper makes one record per row, the generated adapter writes them into vectors) and
 * {@code OrdersArrow} (DuckDB's own Arrow export: record batches, no Java object per row). The real
 * server runs in its own JVM with the example functions; its {@code [orders]} table is generated
 * with {@code rows} rows at start-up (the hook's time is in the server log). Reads alternate between
 * the two functions; reports rows/s, MB/s, their ratio and the server's peak Arrow memory.
 *
 * <pre>OrdersBenchmark [rows=5000000] [warm-up reads each=2] [measured reads each=5]</pre>
 */
public final class OrdersBenchmark {
    static final String JDBC = "Orders";
    static final String ARROW = "OrdersArrow";
    /** A small filtered call both functions must answer with the same rows before anything is measured. */
    private static final String CHECK = "{\"executionContext\": {\"executionType\": \"REPORT\", \"organizationId\": \"o\","
            + " \"workspaceId\": \"w\", \"userId\": \"u\", \"attributes\": [], \"reportExecutionRequest\": {},"
            + " \"filters\": [{\"filterType\": \"positiveAttributeFilter\", \"labelIdentifier\": \"region\","
            + " \"values\": [\"EMEA\"]}, {\"filterType\": \"absoluteDateFilter\", \"datasetIdentifier\": \"order_date\","
            + " \"from\": \"2024-03-01\", \"to\": \"2024-03-07\"}]}}";

    private OrdersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int metricsPort = ServerProcess.freePort();
        Path log = Path.of("benchmarks/target/orders-server.log");
        try (RootAllocator allocator = new RootAllocator();
                ServerProcess server = ServerProcess.startMeasured(metricsPort,
                        Map.of("GOODDATA_FLIGHT_ORDERS__GENERATE_ROWS", Long.toString(rows)), log)) {
            server.awaitListFlights(allocator, Duration.ofMinutes(5));
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                checkSameRows(client);
                System.out.printf("server in its own JVM (%s), client in this one; table orders of %,d rows read "
                        + "whole (6 columns) per call, %d warm-up and %d measured reads of each function, alternating%n",
                        log, rows, warmups, runs);
                AlternatingReads.measure(client, rows, warmups, runs,
                        new AlternatingReads.Subject(ARROW, "DuckDB Arrow export", FlightReads.descriptor(ARROW, "{}")),
                        new AlternatingReads.Subject(JDBC, "JDBC rows -> records", FlightReads.descriptor(JDBC, "{}")));
                long peak = FlightReads.peakServerBytes(metricsPort);
                System.out.printf("server Arrow memory at peak over all reads: %.1f MB%n", peak / 1e6);
            }
        }
    }

    /** Before measuring: both functions must send the same rows, or the ratio means nothing. */
    private static void checkSameRows(FlightClient client) throws Exception {
        List<String> jdbc = rows(client, JDBC);
        List<String> arrow = rows(client, ARROW);
        if (jdbc.isEmpty() || !jdbc.equals(arrow)) {
            throw new IllegalStateException("Orders and OrdersArrow send different rows (" + jdbc.size() + " vs "
                    + arrow.size() + "); the comparison would mean nothing.");
        }
    }

    private static List<String> rows(FlightClient client, String function) throws Exception {
        FlightInfo info = client.getInfo(FlightReads.descriptor(function, CHECK));
        List<String> rows = new ArrayList<>();
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                String[] lines = root.contentToTSVString().split("\n");
                rows.addAll(List.of(lines).subList(1, lines.length)); // without the header line
            }
        }
        return rows;
    }
}
