package dev.flexfun.benchmarks;

import dev.flexfun.benchmarks.FlightReads.Read;
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
                ServerProcess server = ServerProcess.start(List.of(), System.getProperty("java.class.path"), List.of(),
                        Map.of("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", ServerProcess.HOST,
                                "GOODDATA_FLIGHT_SERVER__METRICS_HOST", ServerProcess.HOST,
                                "GOODDATA_FLIGHT_SERVER__METRICS_PORT", Integer.toString(metricsPort),
                                "GOODDATA_FLIGHT_ORDERS__GENERATE_ROWS", Long.toString(rows)),
                        log)) {
            server.awaitListFlights(allocator, Duration.ofMinutes(5));
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                checkSameRows(client);
                System.out.printf("server in its own JVM (%s), client in this one; table orders of %,d rows read "
                        + "whole (6 columns) per call, %d warm-up and %d measured reads of each function, alternating%n",
                        log, rows, warmups, runs);
                FlightDescriptor jdbc = FlightReads.descriptor(JDBC, "{}");
                FlightDescriptor arrow = FlightReads.descriptor(ARROW, "{}");
                for (int i = 0; i < warmups; i++) {
                    FlightReads.read(client, jdbc, rows);
                    FlightReads.read(client, arrow, rows);
                }
                double[] jdbcRows = new double[runs];
                double[] arrowRows = new double[runs];
                double[] jdbcMb = new double[runs];
                double[] arrowMb = new double[runs];
                double[] pairRatio = new double[runs];
                for (int run = 0; run < runs; run++) {
                    Read j;
                    Read a;
                    if (run % 2 == 0) {
                        j = FlightReads.read(client, jdbc, rows);
                        a = FlightReads.read(client, arrow, rows);
                    } else {
                        a = FlightReads.read(client, arrow, rows);
                        j = FlightReads.read(client, jdbc, rows);
                    }
                    jdbcRows[run] = j.rowsPerSecond();
                    arrowRows[run] = a.rowsPerSecond();
                    jdbcMb[run] = j.megabytesPerSecond();
                    arrowMb[run] = a.megabytesPerSecond();
                    pairRatio[run] = a.rowsPerSecond() / j.rowsPerSecond();
                    System.out.printf("run %d: Orders %.2f s (%,.0f rows/s), OrdersArrow %.2f s (%,.0f rows/s), "
                            + "ratio %.2f%n", run + 1, j.seconds(), j.rowsPerSecond(), a.seconds(), a.rowsPerSecond(),
                            pairRatio[run]);
                }
                long peak = FlightReads.peakServerBytes(metricsPort);
                Stats j = Stats.of(jdbcRows);
                Stats a = Stats.of(arrowRows);
                Stats ratio = Stats.of(pairRatio);
                System.out.println();
                System.out.printf("%-36s %14s %14s %14s %10s%n", "function (median of " + runs + ")", "rows/s",
                        "min rows/s", "max rows/s", "MB/s");
                System.out.printf("%-36s %,14.0f %,14.0f %,14.0f %10.0f%n", JDBC + " (JDBC rows -> records)",
                        j.median(), j.min(), j.max(), Stats.of(jdbcMb).median());
                System.out.printf("%-36s %,14.0f %,14.0f %,14.0f %10.0f%n", ARROW + " (DuckDB Arrow export)",
                        a.median(), a.min(), a.max(), Stats.of(arrowMb).median());
                System.out.printf("OrdersArrow / Orders: %.2fx (ratio of medians); per pair %.2f .. %.2f, median %.2f%n",
                        a.median() / j.median(), ratio.min(), ratio.max(), ratio.median());
                System.out.printf("server Arrow memory at peak over all reads: %.1f MB%n", peak / 1e6);
            }
        }
    }

    /** Before measuring: both functions must send the same rows, or the ratio means nothing. */
    private static void checkSameRows(FlightClient client) throws Exception {
        List<String> jdbc = rows(client, JDBC);
        List<String> arrow = rows(client, ARROW);
        if (jdbc.size() < 1000 || !jdbc.equals(arrow)) {
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
