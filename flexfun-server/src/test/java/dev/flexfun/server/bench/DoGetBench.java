package dev.flexfun.server.bench;

import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.TestFunction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.RootAllocator;

/**
 * DoGet throughput: a Java FlightClient reads a function of the 6-column sample schema (two
 * strings, a boolean, two doubles, a long), filled batch by batch with setSafe like a generated
 * adapter. Not a test: run it by hand (see the command in the server's README / closing note).
 *
 * <pre>DoGetBench [rows] [runs] [port-of-a-running-server]</pre>
 * Without a port, the server runs in this JVM (sharing its cores with the client).
 */
public final class DoGetBench {
    private DoGetBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        FlexFunServer server = null;
        Location location;
        if (args.length > 2) {
            location = Location.forGrpcInsecure("127.0.0.1", Integer.parseInt(args[2]));
        } else {
            server = FlexFunServer.builder()
                    .settings(Settings.fromToml("[server]\nlisten_port = 0\nadvertise_host = \"127.0.0.1\"\n", Map.of()))
                    .function(TestFunction.sample("Sample", ctx -> new GeneratedResult(
                            ctx.parameters().path("rows").asLong(), ctx.batchSize(), false)))
                    .start();
            location = server.location();
        }
        try (RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, location).build()) {
            String command = "{\"functionName\":\"Sample\",\"parameters\":{\"rows\":" + rows + "}}";
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                FlightInfo info = client.getInfo(FlightDescriptor.command(command.getBytes(StandardCharsets.UTF_8)));
                long read = 0;
                try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                    while (stream.next()) {
                        read += stream.getRoot().getRowCount();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (read != rows) {
                    throw new IllegalStateException("read " + read + " rows, expected " + rows);
                }
                System.out.printf("run %d: %,d rows in %.2f s = %,.0f rows/s%n", run, read, seconds, read / seconds);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
