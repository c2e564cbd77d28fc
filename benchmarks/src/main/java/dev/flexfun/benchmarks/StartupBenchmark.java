package dev.flexfun.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;

/**
 * Startup: time from starting the real server process with the example functions
 * ({@code java @config/jvm.options -cp 'examples/target/app/lib/*' dev.flexfun.server.Main config/server.toml},
 * as run-server.sh does) to its first served ListFlights, with default flags, with C1 only, with an
 * AppCDS archive, and with both. Variants alternate within each round; medians are reported.
 *
 * <pre>StartupBenchmark [rounds=7]</pre>
 */
public final class StartupBenchmark {
    private static final String APP_CLASS_PATH = "examples/target/app/lib/*";
    private static final List<String> SERVER_ARGS = List.of("config/server.toml");
    private static final Path ARCHIVE = Path.of("benchmarks/target/startup-appcds.jsa");
    private static final Path LOG = Path.of("benchmarks/target/startup-server.log");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        if (!Files.isDirectory(Path.of("examples/target/app/lib"))) {
            throw new IllegalStateException("examples/target/app/lib is missing: build first (mvn -B -q package -DskipTests)");
        }
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("default flags", List.of());
        variants.put("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
        // -Xshare:on: fail instead of silently starting without the archive.
        variants.put("AppCDS", List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE));
        variants.put("AppCDS + TieredStopAtLevel=1",
                List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-XX:TieredStopAtLevel=1"));
        try (RootAllocator allocator = new RootAllocator()) {
            train(allocator);
            // Untimed: loads the client's own Flight classes and warms the file cache.
            measure(allocator, List.of());
            Map<String, double[]> millis = new LinkedHashMap<>();
            variants.keySet().forEach(name -> millis.put(name, new double[rounds]));
            int functions = 0;
            for (int round = 0; round < rounds; round++) {
                List<String> line = new ArrayList<>();
                for (var variant : variants.entrySet()) {
                    ServerProcess.Ready ready = measure(allocator, variant.getValue());
                    functions = ready.functions();
                    millis.get(variant.getKey())[round] = ready.elapsed().toNanos() / 1e6;
                    line.add(String.format("%s %.0f ms", variant.getKey(), ready.elapsed().toNanos() / 1e6));
                }
                System.out.printf("round %d: %s%n", round + 1, String.join(", ", line));
            }
            double baseline = Stats.of(millis.get("default flags")).median();
            System.out.printf("%nprocess start -> first ListFlights served (%d functions), %d rounds:%n", functions,
                    rounds);
            System.out.printf("%-30s %10s %10s %10s %12s%n", "variant", "median ms", "min ms", "max ms", "vs default");
            for (var entry : millis.entrySet()) {
                Stats s = Stats.of(entry.getValue());
                System.out.printf("%-30s %10.0f %10.0f %10.0f %11.2fx%n", entry.getKey(), s.median(), s.min(), s.max(),
                        baseline / s.median());
            }
        }
    }

    /** The AppCDS training run: start, serve one ListFlights, stop; the JVM writes the archive at exit. */
    private static void train(RootAllocator allocator) throws Exception {
        Files.deleteIfExists(ARCHIVE);
        try (ServerProcess server = start(List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE))) {
            server.awaitListFlights(allocator, TIMEOUT);
        }
        if (!Files.isRegularFile(ARCHIVE)) {
            throw new IllegalStateException("The training run wrote no archive " + ARCHIVE + "; see " + LOG);
        }
    }

    private static ServerProcess.Ready measure(RootAllocator allocator, List<String> flags) throws Exception {
        try (ServerProcess server = start(flags)) {
            return server.awaitListFlights(allocator, TIMEOUT);
        }
    }

    private static ServerProcess start(List<String> flags) throws Exception {
        return ServerProcess.start(flags, APP_CLASS_PATH, SERVER_ARGS, Map.of(), LOG);
    }
}
