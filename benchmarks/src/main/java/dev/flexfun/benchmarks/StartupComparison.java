package dev.flexfun.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Start-up as users get it: {@code ./run-server.sh} (whose first run records the class cache it later
 * starts from) on each JDK, against plain {@code java} with default flags on this JDK, the baseline.
 * Both serve the example functions with every config/*.toml, on free ports; timed from the process
 * start to the first answered ListFlights, variants alternating within each round.
 */
final class StartupComparison {
    private static final String APP_CLASS_PATH = "examples/target/app/lib/*";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Path LOG = SummaryBenchmark.log("summary-startup.log");
    /** An example function taking an execution context; any call waits for every on-load hook. */
    private static final String FIRST_CALL = "SampleFlexFunction";

    private StartupComparison() {
    }

    static void run(BufferAllocator allocator, SummaryTable table, int rounds) throws Exception {
        if (!Files.isDirectory(Path.of("examples/target/app/lib"))) {
            throw new IllegalStateException("examples/target/app/lib is missing: build first (mvn -B -q package)");
        }
        List<String> config = SummaryBenchmark.configFiles();
        Map<String, Variant> variants = new LinkedHashMap<>();
        String thisJdk = System.getProperty("java.home");
        List<String> plainJava = new ArrayList<>(List.of(Path.of(thisJdk, "bin", "java").toString(),
                "@config/jvm.options", "-cp", APP_CLASS_PATH, "dev.flexfun.server.Main"));
        plainJava.addAll(config);
        variants.put("java, default flags, JDK " + Runtime.version().feature(), new Variant(plainJava, Map.of()));
        List<String> homes = new ArrayList<>(List.of(thisJdk));
        String extra = System.getenv().getOrDefault("BENCH_JAVA_HOMES", "");
        for (String home : extra.split(":")) {
            if (!home.isBlank() && !homes.contains(home)) {
                homes.add(home);
            }
        }
        for (String home : homes) {
            variants.put("./run-server.sh, JDK " + feature(home),
                    new Variant(List.of("./run-server.sh"), Map.of("JAVA_HOME", home)));
        }
        // The first start of each records its cache (AOT cache on JDK 25, AppCDS archive before): untimed.
        for (Variant variant : variants.values()) {
            measure(allocator, variant);
        }
        Map<String, double[]> listed = new LinkedHashMap<>();
        Map<String, double[]> firstCall = new LinkedHashMap<>();
        variants.keySet().forEach(name -> {
            listed.put(name, new double[rounds]);
            firstCall.put(name, new double[rounds]);
        });
        for (int round = 0; round < rounds; round++) {
            for (var variant : variants.entrySet()) {
                Times times = measure(allocator, variant.getValue());
                listed.get(variant.getKey())[round] = times.listed().toNanos() / 1e6;
                firstCall.get(variant.getKey())[round] = times.firstCall().toNanos() / 1e6;
            }
        }
        String baselineName = variants.keySet().iterator().next();
        report(table, "start-up to first ListFlights", baselineName, listed, "<= 600 ms");
        report(table, "start-up to the first answered call (on-load hooks done)", baselineName, firstCall, "");
    }

    private static void report(SummaryTable table, String figure, String baselineName, Map<String, double[]> millis,
            String target) {
        double baseline = Stats.of(millis.get(baselineName)).median();
        for (var entry : millis.entrySet()) {
            Stats s = Stats.of(entry.getValue());
            System.out.printf("%s, %s: median %.0f ms (%.0f .. %.0f) over %d rounds%n", figure, entry.getKey(),
                    s.median(), s.min(), s.max(), entry.getValue().length);
            if (!entry.getKey().equals(baselineName)) {
                table.add(figure + ": " + entry.getKey() + " (vs " + baselineName + ")", s.median(), baseline, "ms",
                        "%.0f", target);
            }
        }
    }

    private static Times measure(BufferAllocator allocator, Variant variant) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(variant.environment());
        settings.put("GOODDATA_FLIGHT_SERVER__METRICS_PORT", Integer.toString(ServerProcess.freePort()));
        settings.put("GOODDATA_FLIGHT_SERVER__HEALTH_CHECK_PORT", Integer.toString(ServerProcess.freePort()));
        try (ServerProcess server = ServerProcess.start(variant.command(), settings, LOG)) {
            Duration listed = server.awaitListFlights(allocator, TIMEOUT).elapsed();
            // A call waits for the on-load hooks (the port opens while they run): this is when the server is ready.
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                SmallCalls.rowsOf(client, FlightDescriptor.command(
                        SmallCalls.command(FIRST_CALL).getBytes(StandardCharsets.UTF_8)));
            }
            return new Times(listed, Duration.ofNanos(System.nanoTime() - server.startedNanos()));
        }
    }

    /** The feature version of the JDK at {@code home} (25, 17), from its release file. */
    private static String feature(String home) throws Exception {
        return Files.readAllLines(Path.of(home, "release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                .map(l -> l.replaceAll("JAVA_VERSION=\"?([0-9]+).*", "$1")).findFirst().orElse("?");
    }

    private record Variant(List<String> command, Map<String, String> environment) {
    }

    /** From the process start: to the first answered ListFlights, and to the first answered call. */
    private record Times(Duration listed, Duration firstCall) {
    }
}
