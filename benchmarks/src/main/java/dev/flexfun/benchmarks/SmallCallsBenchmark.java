package dev.flexfun.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;

/**
 * The small-call part of the summary alone, for profiling: the FlexFun server against the bare
 * Flight server, 1 and 16 clients. {@code SERVER_JAVA_OPTS} adds JVM flags to the FlexFun server
 * (e.g. {@code -XX:StartFlightRecording=filename=benchmarks/target/small.jfr,settings=profile}).
 *
 * <pre>SmallCallsBenchmark [calls=10000]</pre>
 */
public final class SmallCallsBenchmark {
    private SmallCallsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String extra = System.getenv().getOrDefault("SERVER_JAVA_OPTS", "").trim();
        List<String> flags = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
        SummaryTable table = new SummaryTable();
        int metricsPort = ServerProcess.freePort();
        try (RootAllocator allocator = new RootAllocator();
                ServerProcess server = SummaryBenchmark.benchmarkServer(flags, metricsPort, "small-calls-server.log")) {
            server.awaitListFlights(allocator, Duration.ofSeconds(120));
            ServerTimes before = ServerTimes.read(metricsPort, SmallSampleFunction.NAME);
            SummaryBenchmark.smallCalls(allocator, server, table, calls);
            System.out.println("FlexFun server side, all small calls (warm-up included): "
                    + ServerTimes.read(metricsPort, SmallSampleFunction.NAME).meansSince(before));
        }
        table.print("Small calls (ratio = FlexFun / bare Flight server)");
    }
}
