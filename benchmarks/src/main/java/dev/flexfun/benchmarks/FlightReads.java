package dev.flexfun.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** What the end-to-end benchmarks share: one timed read of a call, and the server's peak Arrow memory. */
final class FlightReads {
    private static final String PEAK_METRIC = "flexfun_arrow_peak_allocated_bytes{allocator=\"flexfun-server\"}";

    private FlightReads() {
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

    /** A call's descriptor: {@code {"functionName": .., "parameters": <parametersJson>}}. */
    static FlightDescriptor descriptor(String function, String parametersJson) {
        String command = "{\"functionName\":\"" + function + "\",\"parameters\":" + parametersJson + "}";
        return FlightDescriptor.command(command.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One call: GetFlightInfo (the function runs) plus DoGet to the last batch, timed together.
     *
     * @throws IllegalStateException when the call sent another number of rows than {@code rows}
     */
    static Read read(FlightClient client, FlightDescriptor call, long rows) throws Exception {
        long start = System.nanoTime();
        FlightInfo info = client.getInfo(call);
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
            throw new IllegalStateException(new String(call.getCommand(), StandardCharsets.UTF_8) + " sent " + read
                    + " rows, expected " + rows);
        }
        return new Read(rows, bytes, seconds);
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
}
